package io.migration.worker.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migration.worker.dashboards.Dashboards.Dashboard;
import io.migration.worker.dashboards.Dashboards.Panel;
import io.migration.worker.dashboards.Dashboards.Query;
import io.migration.worker.dashboards.Dashboards.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The house rules for the Grafana dashboards, checked on the files alone: every panel has a unit
 * and a description of good and bad, every query goes through the datasource variable, and every
 * metric a query names is in the metrics contract (docs/METRICS.md). DashboardQueriesIT checks
 * the same queries against a real Prometheus.
 */
class DashboardLintTest {

    /** Grafana unit ids these dashboards may use; custom units are {@code suffix:…} or {@code prefix:…}. */
    private static final Set<String> UNITS = Set.of(
            "none",
            "short",
            "percent",
            "percentunit",
            "s",
            "ms",
            "bytes",
            "decbytes",
            "ops",
            "reqps",
            "cps",
            "dateTimeAsIso",
            "dtdurations");

    private static final Pattern METRIC =
            Pattern.compile("(?<![\\w$])((?:migration|jvm|process|system|hikaricp|resilience4j|rabbitmq)_[a-z0-9_]+)");
    private static final Pattern HISTOGRAM_PART = Pattern.compile("_(bucket|sum|count|max)$");

    @Test
    void theTwoDashboardsExist() {
        assertThat(Dashboards.all())
                .extracting(Dashboard::file)
                .containsExactlyInAnyOrder("fleet-overview.json", "worker-detail.json");
    }

    @Test
    void everyPanelHasADescriptionOfWhatGoodAndBadLookLike() {
        List<String> missing = new ArrayList<>();
        for (Dashboard d : Dashboards.all()) {
            for (Panel p : d.panels()) {
                String text = p.description();
                if (text.isBlank() || !text.contains("Good") || !text.contains("Bad")) {
                    missing.add(p + ": \"" + text + "\"");
                }
            }
            assertThat(d.json().path("description").asText())
                    .as(d + " describes itself")
                    .isNotBlank();
        }
        assertThat(missing)
                .as("panels whose description does not say what good and bad look like")
                .isEmpty();
    }

    @Test
    void everyPanelHasAUnit() {
        List<String> missing = new ArrayList<>();
        for (Dashboard d : Dashboards.all()) {
            for (Panel p : d.panels()) {
                String unit = p.unit();
                boolean known = UNITS.contains(unit) || unit.startsWith("suffix:") || unit.startsWith("prefix:");
                if (!known) {
                    missing.add(p + ": unit \"" + unit + "\"");
                }
            }
        }
        assertThat(missing)
                .as("panels without a (known) unit in fieldConfig.defaults.unit")
                .isEmpty();
    }

    @Test
    void everyPanelAndQueryUsesTheDatasourceVariable() {
        List<String> wrong = new ArrayList<>();
        for (Dashboard d : Dashboards.all()) {
            for (Panel p : d.panels()) {
                if (!Dashboards.DATASOURCE_VARIABLE.equals(p.datasourceUid())) {
                    wrong.add(p + ": panel datasource \"" + p.datasourceUid() + "\"");
                }
                if (p.queries().isEmpty()) {
                    wrong.add(p + ": no query");
                }
                for (Query q : p.queries()) {
                    if (!Dashboards.DATASOURCE_VARIABLE.equals(q.datasourceUid())) {
                        wrong.add(q + ": datasource \"" + q.datasourceUid() + "\"");
                    }
                    if (q.expr().isBlank()) {
                        wrong.add(q + ": empty expression");
                    }
                }
            }
            for (Variable v : d.variables()) {
                if ("query".equals(v.type())
                        && !Dashboards.DATASOURCE_VARIABLE.equals(
                                v.json().path("datasource").path("uid").asText())) {
                    wrong.add(d + " variable " + v.name() + " does not query through ${datasource}");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDatasourceFleetAndWorkerAreVariables() {
        for (Dashboard d : Dashboards.all()) {
            assertThat(d.variables())
                    .as(d + " variables")
                    .extracting(Variable::name)
                    .containsExactly("datasource", "fleet", "worker");
            Variable datasource = d.variables().get(0);
            assertThat(datasource.type()).isEqualTo("datasource");
            assertThat(datasource.json().path("query").asText()).isEqualTo("prometheus");
            assertThat(d.variables().get(1).query()).startsWith("label_values(");
            assertThat(d.variables().get(2).query()).startsWith("label_values(").contains("fleet=\"$fleet\"");
            assertThat(d.variables().get(2).json().path("allValue").asText()).isEqualTo(".*");
        }
    }

    @Test
    void panelIdsAreUniqueWithinADashboard() {
        for (Dashboard d : Dashboards.all()) {
            List<Integer> ids =
                    d.allPanelNodes().stream().map(p -> p.path("id").asInt(-1)).toList();
            assertThat(ids).as(d + " panel ids").doesNotContain(-1).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyMetricAQueryUsesIsInTheMetricsContract() throws Exception {
        String contract = Files.readString(Dashboards.GRAFANA.getParent().resolve("docs/METRICS.md"));
        Set<String> unknown = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (Dashboard d : Dashboards.all()) {
            for (Panel p : d.panels()) {
                for (Query q : p.queries()) {
                    Matcher m = METRIC.matcher(q.expr());
                    while (m.find()) {
                        String name = m.group(1);
                        used.add(name);
                        String base = HISTOGRAM_PART.matcher(name).replaceFirst("");
                        if (!contract.contains("`" + name)
                                && !contract.contains("`" + base + "`")
                                && !contract.contains("`" + base + "_*`")) {
                            unknown.add(name + " (" + p + ")");
                        }
                    }
                }
            }
        }
        assertThat(used).as("metrics the dashboards use").isNotEmpty();
        assertThat(unknown)
                .as("metrics the dashboards use but docs/METRICS.md does not list")
                .isEmpty();
    }

    @Test
    void provisioningPointsAStockGrafanaAtThePrometheusAndTheDashboards() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path provisioning = Dashboards.GRAFANA.resolve("provisioning");
        JsonNode datasource = yaml.readTree(
                        provisioning.resolve("datasources/prometheus.yaml").toFile())
                .path("datasources")
                .path(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("uid").asText()).isNotBlank();
        assertThat(datasource.path("url").asText())
                .as("the URL comes from the environment")
                .contains("$");
        JsonNode provider = yaml.readTree(
                        provisioning.resolve("dashboards/dashboards.yaml").toFile())
                .path("providers")
                .path(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("options").path("path").asText())
                .as("the mounted grafana/dashboards folder")
                .endsWith("/dashboards");
    }
}
