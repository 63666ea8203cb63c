package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.producer.cli.CliRun;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The target's disk full (53100, from a trigger on every write of recipients) opens the target
 * breaker again and again. Its cause showed nowhere ("target breaker open"): it must be named by
 * its SQLSTATE, class and condition (never the server's text, which names a file) in the worker's
 * log, its {@code /status}, its row in migration.workers (so in {@code producer status}) and a
 * metric; the run then finishes by itself once the disk has room, with no attempt counted.
 */
@RealServices
class BreakerCauseIT {

    private static final String CAUSE = "SQLSTATE 53100 disk_full, class 53 insufficient_resources";
    private static final Duration SEEN = Duration.ofSeconds(60);

    @Test
    void aBreakerThatOpensSaysWhyInTheLogTheStatusTheLedgerAndAMetric(TestServices services) throws Exception {
        FaultRig rig = FaultRig.seed(services, 6, 3000, 83);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
        FaultOracle oracle = FaultOracle.of(rig, "disk-full");
        int admin = WorkerProcess.freePort();
        List<WorkerProcess> workers =
                rig.startWorkers("disk-full", 1, rig.workerEnv(Map.of("WORKER_ADMIN_PORT", Integer.toString(admin))));
        WorkerProcess worker = workers.get(0);
        try {
            rig.enqueue("disk-full", 400);
            rig.awaitMidRun("disk-full", 10);
            rig.targetFaults().diskFull(true);

            worker.awaitLine("target breaker opened: " + CAUSE, SEEN);
            worker.awaitLine("pausing consumption: target breaker open: " + CAUSE, SEEN);
            awaitTrue(
                    "the worker's /status names the cause",
                    () -> worker.httpGet("/status").contains(CAUSE));
            awaitTrue(
                    "its row in migration.workers names the cause",
                    () -> ("target: " + CAUSE).equals(breakerCause(rig)));
            awaitTrue(
                    "producer status names the cause",
                    () -> producerStatus(rig, "disk-full").contains("with a breaker open: target: " + CAUSE));
            assertThat(WorkerProcess.httpGet(admin, "/metrics"))
                    .containsPattern(
                            "migration_breaker_opened_total\\{[^}]*database=\"target\"[^}]*sqlstate=\"53100\"[^}]*} [1-9]");
            assertThat(worker.output())
                    .as("the server's text (a file name) is never repeated")
                    .noneMatch(l -> l.contains("No space left") || l.contains("base/16384"));

            rig.targetFaults().diskFull(false);
            oracle.awaitSettled();
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + SEEN.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String breakerCause(FaultRig rig) throws Exception {
        try (Connection c = rig.ledger().connect();
                PreparedStatement st =
                        c.prepareStatement("SELECT breaker_cause FROM migration.workers WHERE fleet = ?")) {
            st.setString(1, rig.services().fleetName());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** What `producer status --run-id RUN` prints. */
    private static String producerStatus(FaultRig rig, String runId) {
        return CliRun.run(rig.producerEnv(), "status", "--run-id", runId).out();
    }
}
