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
 * A database that still accepts connections but answers nothing (a black hole: a frozen proxy):
 * only the socket and connection timeouts end the wait. The workers must neither hang nor count
 * attempts, and what was sent before the freeze (a COMMIT, perhaps) may still arrive after it.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SilentDatabaseIT {

    /** Longer than the socket timeout (5 s), the retries, the breaker's open time and the hold (5 s). */
    private static final Duration SILENCE = Duration.ofSeconds(20);

    private FaultRig rig;

    @BeforeAll
    void seed(TestServices services) throws Exception {
        rig = FaultRig.seed(services, 6, 3000, 71);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
    }

    @Test
    void aTargetThatAnswersNothingTimesOutPausesTheWorkersAndTheRunFinishesOnceItAnswers() throws Exception {
        try (TcpProxy line = TcpProxy.toJdbc(rig.target().url())) {
            runThroughSilence(
                    "target-silent",
                    line,
                    Map.of("TARGET_DB_URL", line.jdbcUrl(rig.target().url())),
                    "target breaker open");
        }
    }

    @Test
    void aSourceThatAnswersNothingTimesOutPausesTheWorkersAndTheRunFinishesOnceItAnswers() throws Exception {
        try (TcpProxy line = TcpProxy.toJdbc(rig.source().url())) {
            runThroughSilence(
                    "source-silent",
                    line,
                    Map.of("SOURCE_DB_URL", line.jdbcUrl(rig.source().url())),
                    "source breaker open");
        }
    }

    private void runThroughSilence(String runId, TcpProxy line, Map<String, String> throughProxy, String breaker)
            throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(throughProxy);
        settings.put("WORKER_MAX_HOLD", "5 seconds");
        FaultOracle oracle = FaultOracle.of(rig, runId);
        List<WorkerProcess> workers = rig.startWorkers(runId, 2, rig.workerEnv(settings));
        try {
            rig.enqueue(runId, 400);
            rig.awaitMidRun(runId, 10);
            line.freeze();
            long thawAt = System.nanoTime() + SILENCE.toNanos();
            for (WorkerProcess w : workers) {
                w.awaitLine("pausing consumption: " + breaker, Duration.ofSeconds(60));
                Readiness.awaitNotReadyButAlive(w);
            }
            Thread.sleep(Math.max(0, (thawAt - System.nanoTime()) / 1_000_000));
            line.heal();
            oracle.awaitSettled();
            assertThat(workers)
                    .as("a worker met a socket or connection timeout")
                    .anyMatch(w -> w.logged("08006") || w.logged("08001") || w.logged("timed out"));
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }
}
