package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A target table locked by someone else for longer than the statement timeout and all its
 * retries: the shards that write it give up waiting (55P03: the pools' lock timeout is just under
 * the statement timeout, so a lock wait never reads as a statement too slow for its timeout,
 * 57014, which would count an attempt), are handed back without an attempt, and succeed once the
 * lock is gone; the other shards go on meanwhile.
 */
@RealServices
class TargetLockIT {

    /** Past the statement timeout (3 s) three times over, with the retries' backoff. */
    private static final Duration LOCKED = Duration.ofSeconds(15);

    @Test
    void aRecipientsTableLockedPastTheStatementTimeoutDelaysItsShardsWithoutFailingThem(TestServices services)
            throws Exception {
        FaultRig rig = FaultRig.seed(services, 6, 3000, 73);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
        FaultOracle oracle = FaultOracle.of(rig, "locked");
        List<WorkerProcess> workers = rig.startWorkers("locked", 2, rig.workerEnv(Map.of()));
        try {
            rig.enqueue("locked", 400);
            rig.awaitMidRun("locked", 10);
            try (Connection locker = rig.targetFaults().lockRecipients()) {
                Thread.sleep(LOCKED.toMillis());
                locker.rollback();
            }
            oracle.awaitSettled();
            assertThat(workers)
                    .as("a shard's statement gave up waiting for the lock and was handed back")
                    .anyMatch(w -> w.output().stream().anyMatch(l -> l.contains("handed back") && l.contains("55P03")));
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }
}
