package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.testsupport.Ledger.TaskRow;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Workers killed or stopped at the worst moments. The test holds {@code LOCK TABLE recipients} on
 * its own target so that a recipients shard waits inside its target transaction, after reading
 * the source: the kill or the stop lands there every time. Nothing is lost, nothing is applied
 * twice, and a crash or a stop never counts as the task's own failure.
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerKillIT {

    /** A shard may wait for the test's lock this long (the FAST three seconds would cancel it). */
    private static final Map<String, String> PATIENT =
            Map.of("TARGET_DB_STATEMENT_TIMEOUT", "2 minutes", "TARGET_DB_SOCKET_TIMEOUT", "3 minutes");

    private FaultRig rig;

    @BeforeAll
    void seed(TestServices services) {
        rig = FaultRig.seed(services, 4, 2000, 83);
    }

    @Test
    void aWorkerKilledBeforeItsShardCommitsLosesNothingAndCountsNoAttempt() throws Exception {
        rig.enqueue("kill-before-commit", 1_000_000);
        List<TaskRow> killed;
        try (Connection locker = rig.targetFaults().lockRecipients()) {
            try (WorkerProcess victim = rig.startWorker("victim-1", PATIENT)) {
                awaitShardWaitingForTheLock(victim);
                killed = runningRecipientShards("kill-before-commit");
                victim.kill();
            }
            locker.rollback();
        }
        assertThat(killed).as("shards in flight at the kill").isNotEmpty();
        FaultOracle oracle = FaultOracle.of(rig, "kill-before-commit");
        try (WorkerProcess survivor = rig.startWorker("survivor-1", Map.of())) {
            oracle.awaitSettled();
        }
        oracle.assertClean();
        for (TaskRow row : killed) {
            assertThat(rig.ledger().deliveries(row.task()))
                    .as("task %s came back once after the kill", row.task().taskKey())
                    .isEqualTo(2);
        }
    }

    @Test
    void aWorkerKilledAfterItsShardCommittedButBeforeItsAckLeavesADuplicateThatIsIgnored() throws Exception {
        long company = rig.companies().get(1);
        rig.enqueue("kill-after-commit", 1_000_000, company);
        TaskMessage recipients = rig.ledger().tasks("kill-after-commit").stream()
                .filter(t -> writesRecipients(t.group()))
                .findFirst()
                .orElseThrow();
        try (TcpProxy broker = TcpProxy.toAmqp(rig.amqpUri())) {
            Map<String, String> settings = new HashMap<>(PATIENT);
            settings.put("AMQP_URI", broker.amqpUri(rig.amqpUri()));
            settings.put("WORKER_THREADS", "1");
            try (Connection locker = rig.targetFaults().lockRecipients();
                    WorkerProcess victim = rig.startWorker("victim-2", settings)) {
                rig.ledger().awaitState(recipients, "running", Duration.ofSeconds(120));
                awaitShardWaitingForTheLock(victim);
                // The ack of what commits next cannot reach the broker.
                broker.freeze();
                locker.rollback();
                rig.ledger().awaitState(recipients, "succeeded", Duration.ofSeconds(60));
                victim.kill();
                // Dropped with whatever it still buffers (the ack): the broker sees the connection end.
                broker.cut();
            }
        }
        FaultOracle oracle = FaultOracle.of(rig, "kill-after-commit");
        try (WorkerProcess survivor = rig.startWorker("survivor-2", Map.of())) {
            oracle.awaitSettled();
            survivor.awaitLine(
                    "task " + recipients.taskKey() + " of run kill-after-commit already succeeded;"
                            + " duplicate ignored",
                    Duration.ofSeconds(60));
        }
        oracle.assertClean();
        assertThat(rig.ledger().deliveries(recipients))
                .as("the redelivered copy claimed nothing")
                .isEqualTo(1);
    }

    @Test
    void sigtermInTheMiddleOfAShardLetsItFinishWithinTheGracePeriod() throws Exception {
        long company = rig.companies().get(2);
        rig.enqueue("sigterm-graceful", 1_000_000, company);
        TaskMessage recipients = recipientsTask("sigterm-graceful");
        FaultOracle oracle = FaultOracle.of(rig, "sigterm-graceful");
        try (Connection locker = rig.targetFaults().lockRecipients();
                WorkerProcess worker = rig.startWorker("graceful", PATIENT)) {
            rig.ledger().awaitState(recipients, "running", Duration.ofSeconds(120));
            awaitShardWaitingForTheLock(worker);
            Thread stopper = stopInBackground(worker, Duration.ofSeconds(60));
            worker.awaitLine("stopping: no new deliveries", Duration.ofSeconds(30));
            locker.rollback();
            stopper.join(70_000);
            assertThat(worker.isAlive()).as("the worker exited").isFalse();
        }
        assertThat(rig.ledger().state(recipients))
                .as("the shard finished within the grace period")
                .isEqualTo("succeeded");
        assertThat(rig.ledger().deliveries(recipients)).isEqualTo(1);
        try (WorkerProcess rest = rig.startWorker("graceful-rest", Map.of())) {
            oracle.awaitSettled();
        }
        oracle.assertClean();
    }

    @Test
    void sigtermInTheMiddleOfAShardThatOutlastsTheGracePeriodLosesNothingAndCountsNoAttempt() throws Exception {
        long company = rig.companies().get(3);
        rig.enqueue("sigterm-cut-short", 1_000_000, company);
        TaskMessage recipients = recipientsTask("sigterm-cut-short");
        Map<String, String> settings = new HashMap<>(PATIENT);
        settings.put("WORKER_SHUTDOWN_GRACE_PERIOD", "3 seconds");
        settings.put("WORKER_SERVER_GRACE_PERIOD", "5 seconds");
        FaultOracle oracle = FaultOracle.of(rig, "sigterm-cut-short");
        try (Connection locker = rig.targetFaults().lockRecipients();
                WorkerProcess worker = rig.startWorker("impatient", settings)) {
            rig.ledger().awaitState(recipients, "running", Duration.ofSeconds(120));
            awaitShardWaitingForTheLock(worker);
            worker.stop(Duration.ofSeconds(90));
            locker.rollback();
        }
        try (WorkerProcess rest = rig.startWorker("impatient-rest", Map.of())) {
            oracle.awaitSettled();
        }
        oracle.assertClean();
        assertThat(rig.ledger().deliveries(recipients))
                .as("the stopped shard ran again")
                .isEqualTo(2);
    }

    private TaskMessage recipientsTask(String runId) throws Exception {
        return rig.ledger().tasks(runId).stream()
                .filter(t -> writesRecipients(t.group()))
                .findFirst()
                .orElseThrow();
    }

    /** Recipients shards claimed now: none can commit while the test holds its lock. */
    private List<TaskRow> runningRecipientShards(String runId) throws Exception {
        return rig.ledger().rows(runId).stream()
                .filter(r ->
                        r.state().equals("running") && writesRecipients(r.task().group()))
                .toList();
    }

    /** Waits until one of the worker's target sessions waits for a lock (the test's). */
    private void awaitShardWaitingForTheLock(WorkerProcess worker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (rig.targetFaults().sessionsWaitingForALock() == 0) {
            assertThat(worker.isAlive()).as("worker %s is alive", worker.name()).isTrue();
            assertThat(System.nanoTime())
                    .as("a shard of %s waits for the test's lock", worker.name())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Thread stopInBackground(WorkerProcess worker, Duration timeout) {
        Thread stopper = new Thread(
                () -> {
                    try {
                        worker.stop(timeout);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "stop-" + worker.name());
        stopper.start();
        return stopper;
    }

    /** A task that writes recipients: a recipients shard, or a small company whole. */
    private static boolean writesRecipients(TaskGroup group) {
        return group == TaskGroup.RECIPIENTS || group == TaskGroup.COMPANY;
    }
}
