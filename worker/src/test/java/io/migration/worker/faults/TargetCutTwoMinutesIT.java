package io.migration.worker.faults;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The check as a new user would try it: workers with the settings as shipped, the target
 * cut for two minutes in the middle of a run; the run finishes by itself after the cut heals,
 * with nothing dead-lettered and the target exact.
 */
@RealServices
class TargetCutTwoMinutesIT {

    private static final Duration CUT = Duration.ofMinutes(2);

    @Test
    void aRunWithTheTargetCutForTwoMinutesFinishesByItselfOnceItHeals(TestServices services) throws Exception {
        FaultRig rig = FaultRig.seed(services, 6, 3000, 67);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
        FaultOracle oracle = FaultOracle.of(rig, "cut-2min");
        try (TcpProxy line = TcpProxy.toJdbc(rig.target().url())) {
            List<WorkerProcess> workers = rig.startWorkers(
                    "cut",
                    2,
                    rig.shippedWorkerEnv(
                            Map.of("TARGET_DB_URL", line.jdbcUrl(rig.target().url()))));
            try {
                rig.enqueue("cut-2min", 400);
                rig.awaitMidRun("cut-2min", 10);
                line.cut();
                long healAt = System.nanoTime() + CUT.toNanos();
                for (WorkerProcess w : workers) {
                    w.awaitLine("pausing consumption: target breaker open", Duration.ofSeconds(60));
                    Readiness.awaitNotReadyButAlive(w);
                }
                Thread.sleep(Math.max(0, (healAt - System.nanoTime()) / 1_000_000));
                line.heal();
                oracle.awaitSettled();
            } finally {
                FaultRig.stopAll(workers);
            }
        }
        oracle.assertClean();
    }
}
