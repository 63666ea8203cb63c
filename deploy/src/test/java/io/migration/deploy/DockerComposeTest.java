package io.migration.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine): this reads it, merge keys and all
 * (SnakeYAML), and holds it to the Helm chart's settings, image and metrics endpoint.
 */
class DockerComposeTest {

    private static Map<String, Object> services;
    private static Map<String, Object> chartValues;
    private static Map<String, Map<String, Object>> workers;

    @BeforeAll
    static void read() {
        services = map(load(Repository.ROOT.resolve("docker-compose.yml")).get("services"));
        chartValues = Chart.defaultValues();
        String image = chartImage();
        workers = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            Map<String, Object> definition = map(service);
            if (image.equals(definition.get("image")) && !definition.containsKey("entrypoint")) {
                workers.put(name, definition);
            }
        });
    }

    @Test
    void twoWorkersRunTheChartsImage() {
        assertThat(workers)
                .as("services running the worker from " + chartImage())
                .hasSize(2);
        assertThat(workers.values()).allSatisfy(worker -> assertThat(worker).containsEntry("build", "."));
    }

    @Test
    void workersHaveTheChartsSettings() {
        Map<String, Object> config = map(chartValues.get("config"));
        Map<String, Object> ports = map(chartValues.get("ports"));
        for (Map.Entry<String, Map<String, Object>> worker : workers.entrySet()) {
            Map<String, Object> env = map(worker.getValue().get("environment"));
            config.forEach((name, value) -> {
                String chartValue = String.valueOf(value);
                if (chartValue.isEmpty()) {
                    // The chart leaves it out (the worker's default applies); an empty variable would override it.
                    assertThat(env).as(worker.getKey()).doesNotContainKey(name);
                } else if (name.endsWith("_URL") || name.endsWith("_USER")) {
                    assertThat(env).as(worker.getKey() + " connection settings").containsKey(name);
                } else {
                    assertThat(env).as(worker.getKey()).containsEntry(name, chartValue);
                }
            });
            assertThat(env)
                    .as(worker.getKey())
                    .containsEntry("WORKER_HTTP_PORT", String.valueOf(ports.get("http")))
                    .containsEntry("WORKER_ADMIN_PORT", String.valueOf(ports.get("admin")))
                    .containsEntry("WORKER_NAME", worker.getKey())
                    .containsKey("AMQP_URI");
            Map<String, Object> jvm = map(chartValues.get("jvm"));
            assertThat(env.get("JAVA_TOOL_OPTIONS").toString())
                    .contains(
                            "-XX:+ExitOnOutOfMemoryError",
                            "-XX:MaxRAMPercentage=" + jvm.get("maxRamPercentage"),
                            "-XX:+Use" + jvm.get("garbageCollector") + "GC");
        }
    }

    @Test
    void workersStopAsTheChartsPodsDo() {
        Deployment deployment = Chart.render(null).workers();
        long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        for (Map<String, Object> worker : workers.values()) {
            assertThat(worker)
                    .containsEntry("stop_grace_period", grace + "s")
                    .containsEntry("read_only", true)
                    .containsEntry("cap_drop", List.of("ALL"));
        }
    }

    @Test
    void prometheusScrapesWorkersWhereTheServiceMonitorDoes() {
        GenericKubernetesResource monitor = Chart.render(Chart.DIRECTORY.resolve("ci/servicemonitor-values.yaml"))
                .custom("ServiceMonitor")
                .get(0);
        Object metricsPath = Rendered.at(monitor, "spec", "endpoints", "0", "path");
        Map<String, Object> prometheus = map(services.get("prometheus"));
        Map<String, Object> config = load(hostPath(prometheus, "/etc/prometheus/prometheus.yml"));
        List<Map<String, Object>> jobs = list(config.get("scrape_configs"));
        Map<String, Object> workerJob = jobs.stream()
                .filter(j -> "migration-worker".equals(j.get("job_name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no migration-worker scrape job"));
        List<String> targets =
                list(map(list(workerJob.get("static_configs")).get(0)).get("targets"));
        String adminPort = String.valueOf(map(chartValues.get("ports")).get("admin"));

        assertThat(workerJob.get("metrics_path")).isEqualTo(metricsPath);
        assertThat(targets)
                .containsExactlyInAnyOrderElementsOf(workers.keySet().stream()
                        .map(name -> name + ":" + adminPort)
                        .toList());
        assertThat(jobs)
                .anyMatch(j -> list(map(list(j.get("static_configs")).get(0)).get("targets"))
                        .contains("rabbitmq:15692"));
    }

    @Test
    void rabbitmqExportsItsOwnMetrics() throws IOException {
        Path plugins = hostPath(map(services.get("rabbitmq")), "/etc/rabbitmq/enabled_plugins");

        assertThat(Files.readString(plugins)).contains("rabbitmq_prometheus");
    }

    @Test
    void grafanaIsProvisionedFromTheGrafanaFolder() throws IOException {
        Map<String, Object> grafana = map(services.get("grafana"));
        Map<String, Object> env = map(grafana.get("environment"));
        Path provisioning = hostPath(grafana, env.get("GF_PATHS_PROVISIONING").toString());
        List<Map<String, Object>> providers = provisioningFiles(provisioning.resolve("dashboards"), "providers");
        List<Map<String, Object>> datasources = provisioningFiles(provisioning.resolve("datasources"), "datasources");

        assertThat(provisioning).isEqualTo(Repository.ROOT.resolve("grafana/provisioning"));
        assertThat(providers)
                .isNotEmpty()
                .allSatisfy(provider -> assertThat(hostPath(
                                grafana, expand(map(provider.get("options")).get("path"), env)))
                        .isEqualTo(Repository.ROOT.resolve("grafana/dashboards")));
        assertThat(datasources)
                .isNotEmpty()
                .allSatisfy(datasource ->
                        assertThat(expand(datasource.get("url"), env)).isEqualTo("http://prometheus:9090"));
    }

    /** The entries under {@code key} of every provisioning file in a folder (Grafana reads them all). */
    private static List<Map<String, Object>> provisioningFiles(Path folder, String key) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .flatMap(f -> DockerComposeTest.<Map<String, Object>>list(load(f).get(key)).stream())
                    .toList();
        }
    }

    @Test
    void postgresCreatesTheDatabasesTheWorkersUse() throws IOException {
        String init = Files.readString(
                hostPath(map(services.get("postgres")), "/docker-entrypoint-initdb.d/create-databases.sql"));
        for (Map<String, Object> worker : workers.values()) {
            Map<String, Object> env = map(worker.get("environment"));
            for (String url : List.of("SOURCE_DB_URL", "TARGET_DB_URL")) {
                String database = env.get(url).toString().replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
                assertThat(init).contains("CREATE DATABASE " + database + ";");
            }
        }
    }

    private static String chartImage() {
        Map<String, Object> chart = Chart.readYaml(Chart.DIRECTORY.resolve("Chart.yaml"));
        Map<String, Object> image = map(chartValues.get("image"));
        String tag = String.valueOf(image.get("tag"));
        return image.get("repository") + ":" + (tag.isEmpty() ? chart.get("appVersion") : tag);
    }

    /** The host path behind a container path, through the service's bind mounts (the longest that holds it). */
    private static Path hostPath(Map<String, Object> service, String containerPath) {
        String[] best = null;
        for (Object volume : list(service.get("volumes"))) {
            String[] parts = volume.toString().split(":");
            boolean holds = containerPath.equals(parts[1]) || containerPath.startsWith(parts[1] + "/");
            if (parts[0].startsWith(".") && holds && (best == null || parts[1].length() > best[1].length())) {
                best = parts;
            }
        }
        if (best == null) {
            throw new AssertionError("no bind mount holds " + containerPath);
        }
        String rest = containerPath.substring(best[1].length()).replaceFirst("^/", "");
        return Repository.ROOT.resolve(best[0]).resolve(rest).normalize();
    }

    /** Grafana's ${VAR} expansion in provisioning files. */
    private static String expand(Object text, Map<String, Object> env) {
        String expanded = text.toString();
        for (Map.Entry<String, Object> variable : env.entrySet()) {
            expanded = expanded.replace(
                    "${" + variable.getKey() + "}", variable.getValue().toString());
        }
        return expanded;
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object node) {
        return (List<T>) node;
    }
}
