package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database's line failing longer than every retry and every hold, in the two ways a line fails,
 * for each database: the workers stop consuming (not ready, still alive), count no attempt,
 * dead-letter nothing, and finish the run by themselves once the line is back.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseLineFaultIT {

    /** How the line fails, how long, and what a worker must have logged because of it. */
    enum LineFault {
        /**
         * Unreachable (connections refused and reset): after the workers noticed, longer than the
         * retries (under a second), the breaker's open time (2 s) and the hold (5 s).
         */
        CUT(Duration.ofSeconds(10), "a delivery held longer than WORKER_MAX_HOLD went back to the queue") {
            @Override
            void apply(TcpProxy line) {
                line.cut();
            }

            @Override
            boolean logged(WorkerProcess w) {
                return w.logged("handed back");
            }
        },
        /**
         * Accepts connections and answers nothing (a frozen proxy): only the socket and connection
         * timeouts end the wait; from the freeze, longer than the socket timeout (5 s), the retries,
         * the breaker's open time and the hold (5 s). What was sent before the freeze (a COMMIT,
         * perhaps) may still arrive after it.
         */
        SILENT(Duration.ofSeconds(20), "a worker met a socket or connection timeout") {
            @Override
            void apply(TcpProxy line) {
                line.freeze();
            }

            @Override
            boolean logged(WorkerProcess w) {
                return w.logged("08006") || w.logged("08001") || w.logged("timed out");
            }
        };

        final Duration length;
        final String expectation;

        LineFault(Duration length, String expectation) {
            this.length = length;
            this.expectation = expectation;
        }

        abstract void apply(TcpProxy line);

        abstract boolean logged(WorkerProcess w);
    }

    private FaultRig rig;

    @BeforeAll
    void seed(TestServices services) throws Exception {
        rig = FaultRig.seed(services, 6, 3000, 61);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("source", LineFault.CUT),
                Arguments.of("target", LineFault.CUT),
                Arguments.of("source", LineFault.SILENT),
                Arguments.of("target", LineFault.SILENT));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faults")
    void theWorkersPauseAndTheRunFinishesOnceTheLineIsBack(String database, LineFault fault) throws Exception {
        String url =
                database.equals("source") ? rig.source().url() : rig.target().url();
        try (TcpProxy line = TcpProxy.toJdbc(url)) {
            Map<String, String> settings = new HashMap<>();
            settings.put(database.toUpperCase() + "_DB_URL", line.jdbcUrl(url));
            settings.put("WORKER_MAX_HOLD", "5 seconds");
            runThrough(database + "-" + fault.name().toLowerCase(), line, fault, settings, database + " breaker open");
        }
    }

    private void runThrough(String runId, TcpProxy line, LineFault fault, Map<String, String> settings, String breaker)
            throws Exception {
        FaultOracle oracle = FaultOracle.of(rig, runId);
        List<WorkerProcess> workers = rig.startWorkers(runId, 2, rig.workerEnv(settings));
        try {
            rig.enqueue(runId, 400);
            rig.awaitMidRun(runId, 10);
            fault.apply(line);
            long since = System.nanoTime();
            for (WorkerProcess w : workers) {
                w.awaitLine("pausing consumption: " + breaker, Duration.ofSeconds(60));
                Readiness.awaitNotReadyButAlive(w);
            }
            // A cut lasts its length after the workers noticed; a silence from its start (the
            // noticing is part of it: it takes the socket timeout).
            long lastsUntil = (fault == LineFault.CUT ? System.nanoTime() : since) + fault.length.toNanos();
            Thread.sleep(Math.max(0, (lastsUntil - System.nanoTime()) / 1_000_000));
            line.heal();
            if (fault == LineFault.CUT) {
                for (WorkerProcess w : workers) {
                    w.awaitLine("resuming consumption", Duration.ofSeconds(60));
                }
            }
            oracle.awaitSettled();
            Predicate<WorkerProcess> loggedIt = fault::logged;
            assertThat(workers).as(fault.expectation).anyMatch(loggedIt);
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }
}
