package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The target read-only for a minute and a half, as in a failover or maintenance: the database
 * default switched with {@code ALTER DATABASE … SET default_transaction_read_only} and its sessions
 * ended, so every new one is read-only (25006 on each write, the ledger's too); then switched
 * back and the sessions ended again. The workers pause and finish the run afterwards.
 */
@RealServices
class ReadOnlyTargetIT {

    private static final Duration READ_ONLY = Duration.ofSeconds(90);

    @Test
    void aTargetReadOnlyForNinetySecondsPausesTheWorkersAndTheRunFinishesAfterwards(TestServices services)
            throws Exception {
        FaultRig rig = FaultRig.seed(services, 6, 3000, 79);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
        FaultOracle oracle = FaultOracle.of(rig, "read-only");
        List<WorkerProcess> workers = rig.startWorkers("read-only", 2, rig.workerEnv(Map.of()));
        try {
            rig.enqueue("read-only", 400);
            rig.awaitMidRun("read-only", 10);
            rig.targetFaults().setReadOnly(true);
            long backAt = System.nanoTime() + READ_ONLY.toNanos();
            for (WorkerProcess w : workers) {
                w.awaitLine("pausing consumption: target breaker open", Duration.ofSeconds(60));
                assertThat(w.health("alive"))
                        .as("alive while the target is read-only")
                        .isEqualTo(200);
            }
            Thread.sleep(Math.max(0, (backAt - System.nanoTime()) / 1_000_000));
            rig.targetFaults().setReadOnly(false);
            oracle.awaitSettled();
            assertThat(workers)
                    .as("a worker met the read-only target")
                    .anyMatch(w -> w.logged("25006") || w.logged("read_only_sql_transaction"));
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }
}
