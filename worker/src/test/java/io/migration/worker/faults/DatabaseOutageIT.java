package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A database unreachable for longer than every retry and every hold: the workers stop consuming
 * (not ready, still alive), hand back what they held, and finish the run by themselves once the
 * line is back, with no attempt counted and nothing dead-lettered.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    /**
     * After the workers noticed (paused, not ready): together longer than the retries (under a
     * second), the breaker's open time (2 s) and the hold (5 s).
     */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private FaultRig rig;

    @BeforeAll
    void seed(TestServices services) throws Exception {
        rig = FaultRig.seed(services, 6, 3000, 61);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
    }

    @Test
    void theSourceUnreachableLongerThanEveryRetryPausesTheWorkersAndTheRunFinishesAfterwards() throws Exception {
        try (TcpProxy line = TcpProxy.toJdbc(rig.source().url())) {
            runThroughOutage(
                    "source-cut",
                    line,
                    Map.of("SOURCE_DB_URL", line.jdbcUrl(rig.source().url())),
                    "source breaker open");
        }
    }

    @Test
    void theTargetUnreachableLongerThanEveryRetryPausesTheWorkersAndTheRunFinishesAfterwards() throws Exception {
        try (TcpProxy line = TcpProxy.toJdbc(rig.target().url())) {
            runThroughOutage(
                    "target-cut",
                    line,
                    Map.of("TARGET_DB_URL", line.jdbcUrl(rig.target().url())),
                    "target breaker open");
        }
    }

    private void runThroughOutage(String runId, TcpProxy line, Map<String, String> throughProxy, String breaker)
            throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(throughProxy);
        settings.put("WORKER_MAX_HOLD", "5 seconds");
        FaultOracle oracle = FaultOracle.of(rig, runId);
        List<WorkerProcess> workers = rig.startWorkers(runId, 2, rig.workerEnv(settings));
        try {
            rig.enqueue(runId, 400);
            rig.awaitMidRun(runId, 10);
            line.cut();
            for (WorkerProcess w : workers) {
                w.awaitLine("pausing consumption: " + breaker, Duration.ofSeconds(60));
                Readiness.awaitNotReadyButAlive(w);
            }
            Thread.sleep(OUTAGE.toMillis());
            line.heal();
            for (WorkerProcess w : workers) {
                w.awaitLine("resuming consumption", Duration.ofSeconds(60));
            }
            oracle.awaitSettled();
            assertThat(workers)
                    .as("a delivery held longer than WORKER_MAX_HOLD went back to the queue")
                    .anyMatch(w -> w.logged("handed back"));
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }
}
