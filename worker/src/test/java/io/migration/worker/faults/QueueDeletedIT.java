package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.Broker;
import io.migration.testsupport.Ledger.TaskRow;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The work queue deleted (with the messages in it) and declared again under running workers:
 * the broker cancels their consumers; they declare the queue again and subscribe, never going
 * red for it. The messages the deletion took are lost by the definition of the fault; the ledger
 * still knows the run's unfinished tasks, and publishing those again, as an operator would,
 * finishes the run.
 */
@RealServices
class QueueDeletedIT {

    private static final Set<String> UNFINISHED = Set.of("planned", "published", "retrying");

    @Test
    void workersResubscribeToAWorkQueueDeletedUnderThemAndTheRunFinishes(TestServices services) throws Exception {
        FaultRig rig = FaultRig.seed(services, 6, 3000, 101);
        rig.targetFaults().slowRecipientWrites(Duration.ofMillis(200));
        FaultOracle oracle = FaultOracle.of(rig, "queue-deleted");
        List<WorkerProcess> workers = rig.startWorkers("queue-deleted", 2, rig.workerEnv(Map.of()));
        int consumers = workers.size() * Integer.parseInt(FaultRig.FAST.get("WORKER_THREADS"));
        try (Broker broker = rig.broker()) {
            awaitConsumers(broker, consumers);
            rig.enqueue("queue-deleted", 400);
            rig.awaitMidRun("queue-deleted", 10);
            long waiting = broker.workQueueCount();
            broker.deleteWorkQueue();
            for (WorkerProcess w : workers) {
                w.awaitLine("the broker cancelled consumer", Duration.ofSeconds(60));
            }
            awaitConsumers(broker, consumers);
            // Declared again with this code base's arguments; the broker refuses a different declaration.
            broker.declareTopology();
            for (WorkerProcess w : workers) {
                Readiness.awaitReady(w);
            }
            rig.ledger()
                    .awaitStates(
                            "queue-deleted",
                            s -> !s.containsKey("running"),
                            "no task running",
                            Duration.ofSeconds(120));
            List<TaskRow> lost = rig.ledger().rows("queue-deleted").stream()
                    .filter(r -> UNFINISHED.contains(r.state()))
                    .toList();
            assertThat(lost)
                    .as("the deletion took %d waiting message(s) with it", waiting)
                    .isNotEmpty();
            for (TaskRow row : lost) {
                broker.publish(row.task());
            }
            oracle.awaitSettled();
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }

    private static void awaitConsumers(Broker broker, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(broker.workQueueExists() && broker.workQueueConsumers() == expected)) {
            assertThat(System.nanoTime())
                    .as("the workers' %d consumers are subscribed to the queue", expected)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
