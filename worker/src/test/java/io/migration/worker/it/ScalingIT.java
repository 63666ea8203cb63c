package io.migration.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.cli.ProducerCli;
import io.migration.testsupport.Broker;
import io.migration.testsupport.Ledger;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TargetComparison;
import io.migration.testsupport.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Scaling as Kubernetes does it, during one paced run: workers are added, others are stopped
 * with SIGTERM and, past their grace period, SIGKILL. The fleet's rate budget is shared by the
 * live workers as they come and go; at the end the target is exact, nothing is dead-lettered and
 * no task is stuck.
 */
@RealServices
class ScalingIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final long BUDGET = 1_500;

    @Test
    void workersComeAndGoDuringARunAndTheResultIsExact(TestServices services) throws Exception {
        Map<String, String> env = new HashMap<>(services.environment());
        List<Long> companies = Datasets.seedAndCreateSchema(services, 8, 12000, 21);
        env.put("FLEET_ROWS_PER_SECOND", Long.toString(BUDGET));
        env.put("WORKER_CONTROL_INTERVAL", "1 second");
        env.put("WORKER_SHUTDOWN_GRACE_PERIOD", "3 seconds");
        Ledger ledger = new Ledger(services.target());

        try (WorkerProcess first = WorkerProcess.start("scale-1", env).awaitConsuming(START);
                Broker broker = new Broker(services.amqpUri(), services.fleetName())) {
            assertThat(ProducerCli.run(
                            env,
                            "enqueue",
                            "--mode",
                            "migrate",
                            "--all",
                            "--skip-readiness-check",
                            "--run-id",
                            "scaling",
                            "--shard-rows",
                            "2000"))
                    .isZero();
            awaitSucceeded(ledger, "scaling", 2);
            assertThat(paceLimits(ledger, services.fleetName())).containsOnlyKeys("scale-1");

            // Scale out: two more workers take their share of the same budget.
            try (WorkerProcess second = WorkerProcess.start("scale-2", env);
                    WorkerProcess third = WorkerProcess.start("scale-3", env)) {
                second.awaitConsuming(START);
                third.awaitConsuming(START);
                Map<String, Double> shared = awaitPaceLimits(ledger, services.fleetName(), 3);
                assertThat(shared.values())
                        .allSatisfy(limit -> assertThat(limit).isEqualTo(BUDGET / 3.0));

                // Scale in: one pod stops within its grace period; another outlives it and is killed.
                first.stop(Duration.ofSeconds(30));
                sigtermThenKill(second, Duration.ofMillis(300));
                Map<String, Double> alone = awaitPaceLimits(ledger, services.fleetName(), 1);
                assertThat(alone).containsOnlyKeys("scale-3");
                assertThat(alone.get("scale-3"))
                        .as("the last worker takes the whole budget")
                        .isEqualTo((double) BUDGET);

                assertThat(ProducerCli.run(env, "status", "--run-id", "scaling", "--wait", "--timeout", "300"))
                        .as("every task succeeded")
                        .isZero();
                assertThat(ledger.workers("scaling"))
                        .as("every worker took part")
                        .contains("scale-1", "scale-3");
                third.stop(Duration.ofSeconds(30));
                assertThat(broker.deadLetterCount()).as("nothing dead-lettered").isZero();
                assertThat(stuckTasks(ledger, "scaling"))
                        .as("no task left running or waiting")
                        .isZero();
                assertThat(maxAttempts(ledger, "scaling"))
                        .as("no stop counted as an attempt")
                        .isZero();
            }
        }
        TargetComparison.assertTargetMatchesSource(services.source(), services.target(), companies, "scaling");
    }

    /** SIGTERM, and SIGKILL once the pod's grace period is over, as the kubelet does. */
    private static void sigtermThenKill(WorkerProcess worker, Duration grace) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(worker.pid()))
                .inheritIO()
                .start()
                .waitFor();
        Thread.sleep(grace.toMillis());
        worker.kill();
    }

    private static void awaitSucceeded(Ledger ledger, String runId, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (countTasks(ledger, runId, "state = 'succeeded'") < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + count + " tasks succeeded in time");
            }
            Thread.sleep(200);
        }
    }

    private static Map<String, Double> awaitPaceLimits(Ledger ledger, String fleet, int workers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Double> limits = paceLimits(ledger, fleet);
        while (limits.size() != workers
                || limits.values().stream().distinct().count() != 1
                || limits.values().iterator().next() != BUDGET / (double) workers) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pace limits never settled for " + workers + " workers: " + limits);
            }
            Thread.sleep(250);
            limits = paceLimits(ledger, fleet);
        }
        return limits;
    }

    /** The pace limit each live worker reports in its heartbeat. */
    private static Map<String, Double> paceLimits(Ledger ledger, String fleet) throws Exception {
        Map<String, Double> out = new TreeMap<>();
        try (Connection c = ledger.connect();
                PreparedStatement st = c.prepareStatement(
                        "SELECT worker, pace_limit FROM migration.workers WHERE fleet = ? AND state <> 'stopping'"
                                + " AND last_seen > now() - interval '5 seconds'")) {
            st.setString(1, fleet);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    private static long stuckTasks(Ledger ledger, String runId) throws Exception {
        return countTasks(ledger, runId, "state <> 'succeeded'");
    }

    private static long maxAttempts(Ledger ledger, String runId) throws Exception {
        try (Connection c = ledger.connect();
                PreparedStatement st =
                        c.prepareStatement("SELECT coalesce(max(attempts), 0) FROM migration.tasks WHERE run_id = ?")) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long countTasks(Ledger ledger, String runId, String condition) throws Exception {
        try (Connection c = ledger.connect();
                PreparedStatement st =
                        c.prepareStatement("SELECT count(*) FROM migration.tasks WHERE run_id = ? AND " + condition)) {
            st.setString(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
