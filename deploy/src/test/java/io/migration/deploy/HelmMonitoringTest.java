package io.migration.deploy;

import static io.migration.deploy.Rendered.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Prometheus finds the workers' metrics, and Grafana's sidecar finds every dashboard. */
class HelmMonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHART_DASHBOARDS = Chart.DIRECTORY.resolve("dashboards");
    private static final Path GRAFANA_DASHBOARDS = Repository.ROOT.resolve("grafana/dashboards");

    @Test
    void serviceMonitorScrapesMetricsOnTheAdminPort() {
        Rendered rendered = Chart.render(Chart.DIRECTORY.resolve("ci/servicemonitor-values.yaml"));
        GenericKubernetesResource monitor = rendered.custom("ServiceMonitor").get(0);
        Service service = rendered.one(Service.class);

        assertThat(at(monitor, "spec", "endpoints", "0", "port")).isEqualTo("admin");
        assertThat(at(monitor, "spec", "endpoints", "0", "path")).isEqualTo("/metrics");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        @SuppressWarnings("unchecked")
        Map<String, String> selector = (Map<String, String>) at(monitor, "spec", "selector", "matchLabels");
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(selector);
        assertThat(service.getSpec().getPorts())
                .anyMatch(p -> p.getName().equals("admin")
                        && p.getTargetPort().getStrVal().equals("admin"));
        assertThat(rendered.workers().getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void everyDashboardIsAConfigMapForGrafanasSidecar() throws IOException {
        List<Path> dashboards = jsonFiles(CHART_DASHBOARDS);
        List<ConfigMap> configMaps =
                Chart.render(Chart.DIRECTORY.resolve("ci/dashboards-values.yaml")).all(ConfigMap.class).stream()
                        .filter(c -> "1".equals(c.getMetadata().getLabels().get("grafana_dashboard")))
                        .toList();

        assertThat(dashboards).as("dashboards in the chart").isNotEmpty();
        assertThat(configMaps).hasSameSizeAs(dashboards);
        for (Path dashboard : dashboards) {
            String file = dashboard.getFileName().toString();
            ConfigMap configMap = configMaps.stream()
                    .filter(c -> c.getData().containsKey(file))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no ConfigMap holds " + file));
            assertThat(JSON.readTree(configMap.getData().get(file))).isEqualTo(JSON.readTree(dashboard.toFile()));
            assertThat(configMap.getMetadata().getAnnotations()).containsEntry("grafana_folder", "Migration");
        }
    }

    /**
     * grafana/dashboards is where dashboards are edited (Docker Compose's Grafana reads it); Helm
     * cannot read outside the chart, so the chart holds a copy that must not drift.
     */
    @Test
    void chartHoldsTheSameDashboardsAsGrafanaFolder() throws IOException {
        List<Path> edited = jsonFiles(GRAFANA_DASHBOARDS);
        List<Path> copied = jsonFiles(CHART_DASHBOARDS);
        String sync =
                "; run: rm -f helm/migration-fleet/dashboards/*.json && cp grafana/dashboards/*.json helm/migration-fleet/dashboards/";

        assertThat(edited).as("dashboards in grafana/dashboards").isNotEmpty();
        assertThat(copied.stream().map(p -> p.getFileName().toString()))
                .as("the chart's dashboards are grafana/dashboards" + sync)
                .containsExactlyElementsOf(
                        edited.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : edited) {
            assertThat(Files.readString(CHART_DASHBOARDS.resolve(file.getFileName())))
                    .as(file.getFileName() + " differs between the chart and grafana/dashboards" + sync)
                    .isEqualTo(Files.readString(file));
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
