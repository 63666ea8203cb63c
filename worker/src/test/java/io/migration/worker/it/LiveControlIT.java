package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.Ledger;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's live controls on a running fleet, observed as an operator would, through the
 * worker's own streamed-rows counter on {@code /metrics}: {@code throttle} changes the pace of a run in
 * progress within 10 seconds, {@code pause} stops progress within 5 and {@code resume} restarts
 * it; the run then ends exact, with no pause counted as an attempt.
 */
@RealServices
class LiveControlIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final long SLOW = 1_000;
    private static final long FAST = 2_500;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void throttlePauseAndResumeChangeARunningFleetsPace(TestServices services) throws Exception {
        Map<String, String> env = new HashMap<>(services.environment());
        List<Long> companies = Datasets.seedAndCreateSchema(services, 4, 30000, 31);
        int admin = WorkerProcess.freePort();
        env.put("FLEET_ROWS_PER_SECOND", Long.toString(SLOW));
        env.put("WORKER_CONTROL_INTERVAL", "1 second");
        Map<String, String> workerEnv = new HashMap<>(env);
        workerEnv.put("WORKER_ADMIN_PORT", Integer.toString(admin));
        Ledger ledger = new Ledger(services.target());

        try (WorkerProcess worker = WorkerProcess.start("control-1", workerEnv).awaitConsuming(START)) {
            assertThat(ProducerCli.run(
                            env,
                            "enqueue",
                            "--mode",
                            "migrate",
                            "--all",
                            "--skip-readiness-check",
                            "--run-id",
                            "control",
                            "--shard-rows",
                            "5000"))
                    .isZero();
            awaitRowsRead(admin, 1);
            double slow = rate(admin, Duration.ofSeconds(4));

            assertThat(ProducerCli.run(env, "throttle", "--rows-per-second", Long.toString(FAST)))
                    .isZero();
            Thread.sleep(10_000);
            double fast = rate(admin, Duration.ofSeconds(5));
            System.out.printf(
                    "measured pace: %.0f rows/s under a budget of %d, %.0f rows/s 10 s after throttle %d%n",
                    slow, SLOW, fast, FAST);
            assertThat(slow)
                    .as("rows/s under the configured budget of %d", SLOW)
                    .isBetween(0.5 * SLOW, 1.2 * SLOW);
            // A budget is a ceiling: gaps between shards (commit, ack, claim) may leave it unspent,
            // the more so on a loaded machine; the floor here only proves the new budget took over.
            assertThat(fast)
                    .as("rows/s 10 s after `throttle --rows-per-second %d` (before: %.0f)", FAST, slow)
                    .isBetween(0.7 * FAST, 1.2 * FAST);

            assertThat(ProducerCli.run(env, "pause")).isZero();
            Thread.sleep(5_000);
            assertThat(rate(admin, Duration.ofSeconds(3)))
                    .as("rows/s from 5 s after `pause`")
                    .isZero();

            long paused = rowsRead(admin);
            assertThat(ProducerCli.run(env, "resume")).isZero();
            awaitRowsRead(admin, paused + 1);

            assertThat(ProducerCli.run(env, "throttle", "--rows-per-second", "1000000"))
                    .as("the rest at full speed")
                    .isZero();
            assertThat(ProducerCli.run(env, "status", "--run-id", "control", "--wait", "--timeout", "300"))
                    .as("every task succeeded")
                    .isZero();
            assertThat(ledger.rows("control"))
                    .as("a pause is not an attempt")
                    .allSatisfy(row -> assertThat(row.attempts()).isZero());
        }
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, "control");
    }

    /** Source rows read per second over {@code window}, from the worker's counter. */
    private static double rate(int admin, Duration window) throws Exception {
        long before = rowsRead(admin);
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        long after = rowsRead(admin);
        return (after - before) * 1e9 / (System.nanoTime() - started);
    }

    private static void awaitRowsRead(int admin, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rowsRead(admin) < atLeast) {
            assertThat(System.nanoTime())
                    .as("rows read reach %d within 30 s", atLeast)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** {@code migration_source_rows_streamed_total}: rows as they pass the pacer. */
    private static long rowsRead(int admin) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        for (String line : response.body().split("\n")) {
            if (line.startsWith("migration_source_rows_streamed_total{")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no migration_source_rows_streamed_total on /metrics");
    }
}
