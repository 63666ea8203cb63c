package io.migration.worker.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Grafana dashboards in {@code grafana/dashboards}, read with Jackson: every panel (panels
 * nested in collapsed rows included), its unit, description and queries, and the template
 * variables. Shared by the lint test and the check against a real Prometheus.
 */
final class Dashboards {

    /** The repository's {@code grafana/} folder; tests run with the worker module as working directory. */
    static final Path GRAFANA =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("grafana");

    static final Path FOLDER = GRAFANA.resolve("dashboards");
    static final String DATASOURCE_VARIABLE = "${datasource}";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One dashboard file. */
    record Dashboard(String file, JsonNode json) {

        String title() {
            return json.path("title").asText();
        }

        /** Every panel but rows, in order, those inside rows included. */
        List<Panel> panels() {
            List<Panel> out = new ArrayList<>();
            collect(json.path("panels"), out);
            return out;
        }

        /** Rows too: for checks that hold for every entry of the panel tree (unique ids). */
        List<JsonNode> allPanelNodes() {
            List<JsonNode> out = new ArrayList<>();
            collectNodes(json.path("panels"), out);
            return out;
        }

        List<Variable> variables() {
            List<Variable> out = new ArrayList<>();
            json.path("templating").path("list").forEach(v -> out.add(new Variable(v)));
            return out;
        }

        private void collect(JsonNode panels, List<Panel> out) {
            for (JsonNode p : panels) {
                if (!"row".equals(p.path("type").asText())) {
                    out.add(new Panel(this, p));
                }
                collect(p.path("panels"), out);
            }
        }

        private static void collectNodes(JsonNode panels, List<JsonNode> out) {
            for (JsonNode p : panels) {
                out.add(p);
                collectNodes(p.path("panels"), out);
            }
        }

        @Override
        public String toString() {
            return file;
        }
    }

    /** A panel that shows data (not a row). */
    record Panel(Dashboard dashboard, JsonNode json) {

        String title() {
            return json.path("title").asText();
        }

        String description() {
            return json.path("description").asText("");
        }

        String unit() {
            return json.path("fieldConfig").path("defaults").path("unit").asText("");
        }

        String datasourceUid() {
            return json.path("datasource").path("uid").asText("");
        }

        List<Query> queries() {
            List<Query> out = new ArrayList<>();
            json.path("targets")
                    .forEach(t -> out.add(new Query(
                            this,
                            t.path("refId").asText(),
                            t.path("expr").asText(""),
                            t.path("datasource").path("uid").asText(""))));
            return out;
        }

        @Override
        public String toString() {
            return dashboard.file() + " / " + title();
        }
    }

    /** One PromQL target of a panel. */
    record Query(Panel panel, String refId, String expr, String datasourceUid) {

        @Override
        public String toString() {
            return panel + " [" + refId + "]: " + expr;
        }
    }

    /** A template variable. */
    record Variable(JsonNode json) {

        String name() {
            return json.path("name").asText();
        }

        String type() {
            return json.path("type").asText();
        }

        /** The query of a query variable ({@code label_values(...)}), from either of Grafana's two forms. */
        String query() {
            JsonNode q = json.path("query");
            return q.isTextual() ? q.asText() : q.path("query").asText("");
        }
    }

    private Dashboards() {}

    static List<Dashboard> all() {
        if (!Files.isDirectory(FOLDER)) {
            throw new IllegalStateException(
                    FOLDER + " is missing: run the tests from the worker module of the repository");
        }
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<Dashboard> out = new ArrayList<>();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(new Dashboard(f.getFileName().toString(), JSON.readTree(f.toFile())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboards in " + FOLDER, e);
        }
    }

    static Dashboard named(String file) {
        return all().stream()
                .filter(d -> d.file().equals(file))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no dashboard " + file + " in " + FOLDER));
    }
}
