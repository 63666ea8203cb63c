package io.migration.worker.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migration.common.config.DatabaseSettings;
import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.Broker;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.dashboards.Dashboards.Dashboard;
import io.migration.worker.dashboards.Dashboards.Query;
import io.migration.worker.dashboards.Dashboards.Variable;
import io.migration.worker.it.WorkerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query of every panel of both dashboards, evaluated through a real Prometheus's HTTP API
 * while two real workers migrate (throttled, so the run lasts) and RabbitMQ's plugin is scraped:
 * each must return data, and a few must return what the test knows to be true (two live
 * workers, one dead letter, four consumers, the budget it set, the cutovers it wrote into the
 * ledger). A panel naming a metric the worker does not export, or a label it does not carry, fails
 * here.
 */
@RealServices
class DashboardQueriesIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(150);
    private static final int RABBITMQ_PROMETHEUS_PORT = 15692;
    private static final long BUDGET = 800;
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)");

    @Test
    void everyPanelQueryReturnsDataDuringAMigration(TestServices services, @TempDir Path folder) throws Exception {
        PrometheusServer.requireBinary();
        String rabbitmq = rabbitmqPrometheusTarget(services.amqpUri());
        Map<String, String> env = services.environment();
        assertThat(ProducerCli.run(env, "seed", "--companies", "6", "--rows", "6000", "--seed", "9"))
                .isZero();
        assertThat(ProducerCli.run(env, "migrate-schema")).isZero();
        recordCutovers(services.target());

        int admin1 = PrometheusServer.freePort();
        int admin2 = PrometheusServer.freePort();
        try (WorkerProcess w1 = WorkerProcess.start("dash-w1", workerEnv(env, admin1));
                WorkerProcess w2 = WorkerProcess.start("dash-w2", workerEnv(env, admin2));
                PrometheusServer prometheus = PrometheusServer.start(scrapeConfig(admin1, admin2, rabbitmq), folder)) {
            w1.awaitConsuming(START);
            w2.awaitConsuming(START);
            awaitTargetsUp(prometheus);
            try (Broker broker = new Broker(services.amqpUri(), services.fleetName())) {
                broker.publishRaw("{not json");
            }
            assertThat(ProducerCli.run(
                            env,
                            "enqueue",
                            "--mode",
                            "migrate",
                            "--all",
                            "--skip-readiness-check",
                            "--run-id",
                            "dashboards"))
                    .isZero();

            String fleet = services.fleetName();
            List<Check> checks = new ArrayList<>();
            checks.addAll(checks(Dashboards.named("fleet-overview.json"), fleet, ".*"));
            for (String worker : List.of("dash-w1", "dash-w2")) {
                checks.addAll(checks(Dashboards.named("worker-detail.json"), fleet, worker));
            }
            List<String> failures = awaitAll(prometheus, checks);
            assertThat(failures)
                    .as("panel queries without the expected data (targets: %s)", prometheus.targets())
                    .isEmpty();

            for (Dashboard d : Dashboards.all()) {
                Map<String, List<String>> variables = variableValues(prometheus, d, fleet);
                assertThat(variables.get("fleet")).as(d + " fleet variable").contains(fleet);
                assertThat(variables.get("worker"))
                        .as(d + " worker variable")
                        .containsExactlyInAnyOrder("dash-w1", "dash-w2");
            }
        }
    }

    /**
     * Two cutover runs in the ledger, as `producer cutover` leaves them, for the switch's panels
     * (companies the seed does not have, so that the migration ignores them). The latest cutovers:
     * one catching up (2 passes, 120 rows re-copied), two switched (one two days ago), one failed at
     * its switch hook; company 900001's earlier failure is not its latest. Freeze windows of the
     * last 24 h: 4.2 s and 12.5 s.
     */
    private static void recordCutovers(DatabaseSettings target) throws Exception {
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO migration.runs (run_id, mode, selection, shard_rows, task_count, created_at)
                    VALUES ('dashboards-switch-1', 'cutover', 'companies', 0, 0, now() - interval '2 days'),
                           ('dashboards-switch-2', 'cutover', 'companies', 0, 0, now());
                    INSERT INTO migration.cutovers (run_id, company_id, state, passes, rows_recopied,
                                                    freeze_window_ms, switch_started_at)
                    VALUES ('dashboards-switch-1', 900001, 'failed', 4, 900, 30000, now() - interval '2 days'),
                           ('dashboards-switch-1', 900004, 'switched', 1, 50, 2000, now() - interval '2 days'),
                           ('dashboards-switch-2', 900001, 'switched', 3, 500, 4200, now()),
                           ('dashboards-switch-2', 900002, 'catching-up', 2, 120, NULL, NULL),
                           ('dashboards-switch-2', 900003, 'failed', 5, 700, 12500, now());
                    """);
        }
    }

    /** One query with its variables substituted, and what its result must show. */
    private record Check(String what, String promql, Expectation expectation) {}

    @FunctionalInterface
    private interface Expectation {
        /** Null when the result is as expected, otherwise what is wrong. */
        String problem(JsonNode result);
    }

    private static List<Check> checks(Dashboard dashboard, String fleet, String worker) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("$__rate_interval", "30s");
        values.put("$__interval", "5s");
        values.put("$__range", "5m");
        values.put("$fleet", fleet);
        values.put("$worker", worker);
        List<Check> out = new ArrayList<>();
        for (var panel : dashboard.panels()) {
            for (Query q : panel.queries()) {
                String promql = q.expr();
                for (var v : values.entrySet()) {
                    promql = promql.replace(v.getKey(), v.getValue());
                }
                String what = q + (worker.equals(".*") ? "" : " (worker " + worker + ")");
                out.add(new Check(what, promql, expectation(dashboard.file() + "/" + panel.title() + "/" + q.refId())));
            }
        }
        return out;
    }

    /** Data for every query; for a few, the value the test knows. */
    private static Expectation expectation(String panelQuery) {
        Map<String, Double> known = Map.ofEntries(
                Map.entry("fleet-overview.json/Live workers/A", 2.0),
                Map.entry("fleet-overview.json/Dead letters waiting/A", 1.0),
                Map.entry("fleet-overview.json/Consumers/A", 4.0),
                Map.entry("fleet-overview.json/Consumers/B", 4.0),
                Map.entry("fleet-overview.json/Budget and pace/A", (double) BUDGET),
                Map.entry("fleet-overview.json/Catch-up passes and rows re-copied/A", 2.0),
                Map.entry("fleet-overview.json/Catch-up passes and rows re-copied/B", 120.0),
                Map.entry("fleet-overview.json/Freeze window (last 24 h)/A", 8.35),
                Map.entry("fleet-overview.json/Freeze window (last 24 h)/B", 12.5),
                Map.entry("fleet-overview.json/Freezes (last 24 h)/A", 2.0));
        Double value = known.get(panelQuery);
        return result -> {
            if (!result.isArray() || result.isEmpty()) {
                return "no data";
            }
            if (panelQuery.equals("fleet-overview.json/Companies by cutover state/A")) {
                return companiesByState(result);
            }
            if (value != null) {
                double actual = result.get(0).path("value").path(1).asDouble(Double.NaN);
                return actual == value ? null : "value " + actual + ", expected " + value;
            }
            if (panelQuery.endsWith("/Worker versions/A")
                    && "dev".equals(result.get(0).path("metric").path("version").asText("dev"))) {
                return "no version read from worker.jar's manifest: " + result;
            }
            return null;
        };
    }

    /** Null when every state is there with the companies {@link #recordCutovers} left in it. */
    private static String companiesByState(JsonNode result) {
        Map<String, Double> expected = Map.of(
                "pending", 0.0, "catching-up", 1.0, "frozen", 0.0, "switched", 2.0, "failed", 1.0, "rolled-back", 0.0);
        Map<String, Double> actual = new HashMap<>();
        result.forEach(series -> actual.put(
                series.path("metric").path("state").asText(),
                series.path("value").path(1).asDouble(Double.NaN)));
        return actual.equals(expected) ? null : "companies by state " + actual + ", expected " + expected;
    }

    /** Evaluates the checks until all pass or time is up; returns what still fails. */
    private static List<String> awaitAll(PrometheusServer prometheus, List<Check> checks) throws Exception {
        List<Check> pending = new ArrayList<>(checks);
        Map<Check, String> problems = new HashMap<>();
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            List<Check> still = new ArrayList<>();
            for (Check c : pending) {
                String problem;
                if (c.promql().contains("$")) {
                    problem = "a variable the test does not know";
                } else {
                    try {
                        problem = c.expectation()
                                .problem(prometheus.query(c.promql()).path("result"));
                    } catch (IllegalStateException e) {
                        problem = e.getMessage();
                    }
                }
                if (problem != null) {
                    still.add(c);
                    problems.put(c, problem);
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        return pending.stream()
                .map(c -> c.what() + "\n    evaluated: " + c.promql() + "\n    -> " + problems.get(c))
                .toList();
    }

    /** Grafana's label_values(selector, label) for each query variable, through the series API. */
    private static Map<String, List<String>> variableValues(PrometheusServer prometheus, Dashboard d, String fleet)
            throws IOException, InterruptedException {
        Map<String, List<String>> out = new HashMap<>();
        for (Variable v : d.variables()) {
            if ("query".equals(v.type())) {
                Matcher m = LABEL_VALUES.matcher(v.query());
                assertThat(m.matches())
                        .as(d + " variable " + v.name() + ": " + v.query())
                        .isTrue();
                out.put(v.name(), prometheus.labelValues(m.group(2), m.group(1).replace("$fleet", fleet)));
            }
        }
        return out;
    }

    private static Map<String, String> workerEnv(Map<String, String> env, int adminPort) {
        Map<String, String> out = new HashMap<>(env);
        out.put("WORKER_ADMIN_PORT", Integer.toString(adminPort));
        out.put("FLEET_ROWS_PER_SECOND", Long.toString(BUDGET));
        // Run progress is reported every fifth heartbeat: often enough to be scraped during the run.
        out.put("WORKER_CONTROL_INTERVAL", "500 milliseconds");
        return out;
    }

    private static String scrapeConfig(int admin1, int admin2, String rabbitmq) {
        return """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: migration-worker
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['127.0.0.1:%d', '127.0.0.1:%d']
                  - job_name: rabbitmq
                    static_configs:
                      - targets: ['%s']
                  - job_name: rabbitmq-detailed
                    metrics_path: /metrics/detailed
                    params:
                      family: [queue_coarse_metrics, queue_consumer_count]
                    static_configs:
                      - targets: ['%s']
                """.formatted(admin1, admin2, rabbitmq, rabbitmq);
    }

    /** host:15692 of the test's broker, once its rabbitmq_prometheus plugin answers. */
    private static String rabbitmqPrometheusTarget(String amqpUri) throws InterruptedException {
        String target = URI.create(amqpUri).getHost() + ":" + RABBITMQ_PROMETHEUS_PORT;
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + target + "/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 200) {
                return target;
            }
        } catch (IOException e) {
            // Reported below.
        }
        throw new IllegalStateException("RabbitMQ's rabbitmq_prometheus plugin does not answer on " + target
                + ": enable it with `rabbitmq-plugins enable rabbitmq_prometheus` (.ci/run does)");
    }

    private static void awaitTargetsUp(PrometheusServer prometheus) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        List<String> targets = prometheus.targets();
        while (System.nanoTime() < deadline) {
            targets = prometheus.targets();
            if (targets.size() == 4 && targets.stream().allMatch(t -> t.contains(" up"))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(
                "prometheus cannot scrape every target: " + targets + "\n" + prometheus.logTail());
    }
}
