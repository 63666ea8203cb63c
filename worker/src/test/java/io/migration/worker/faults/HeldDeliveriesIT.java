package io.migration.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.testsupport.Broker;
import io.migration.testsupport.RealServices;
import io.migration.testsupport.TestServices;
import io.migration.worker.it.WorkerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker whose gate shuts and opens again and again (a target breaker that flaps on a full
 * disk: every probe write goes through, every shard's write fails) held more and more deliveries:
 * each re-subscription opened a fresh prefetch window while the deliveries it held stayed
 * unacknowledged (5 a channel were seen). However often its gate shuts, a worker holds at most
 * threads × prefetch unacknowledged deliveries, and the run still ends exact once the disk has room.
 *
 * <p>AMQP does not give a queue's unacknowledged count; here it is the tasks not yet ended (the
 * ledger) less the messages ready in the work queue, read again after the queue's count so that
 * a task ending meanwhile is not miscounted (a hand-back's copy, published before its original is
 * acknowledged, can only make it one lower for a moment).
 */
@RealServices
class HeldDeliveriesIT {

    private static final int THREADS = 2;
    private static final int PREFETCH = 1;
    private static final Duration FLAPPING = Duration.ofSeconds(25);

    @Test
    void aWorkerWhoseBreakerFlapsHoldsAtMostThreadsTimesPrefetch(TestServices services) throws Exception {
        FaultRig rig = FaultRig.seed(services, 4, 2000, 97);
        FaultOracle oracle = FaultOracle.of(rig, "held");
        List<WorkerProcess> workers = rig.startWorkers(
                "held",
                1,
                rig.workerEnv(Map.of(
                        "WORKER_THREADS", Integer.toString(THREADS), "WORKER_PREFETCH", Integer.toString(PREFETCH))));
        List<Long> unacked = new ArrayList<>();
        try {
            rig.enqueue("held", 300);
            rig.awaitMidRun("held", 12);
            rig.targetFaults().diskFull(true);
            workers.get(0).awaitLine("target breaker opened", Duration.ofSeconds(60));
            long until = System.nanoTime() + FLAPPING.toNanos();
            while (System.nanoTime() < until) {
                unacked.add(unacknowledged(rig));
                assertThat(workers.get(0).httpGet("/status"))
                        .as("the worker's own count")
                        .containsPattern("\"unacknowledged\":[0-" + THREADS * PREFETCH + "][,}]");
                Thread.sleep(500);
            }
            rig.targetFaults().diskFull(false);
            System.out.printf(
                    "unacknowledged deliveries of a worker whose breaker flapped for %d s: %s%n",
                    FLAPPING.toSeconds(), unacked);
            assertThat(workers.get(0).output().stream()
                            .filter(l -> l.contains("target breaker opened"))
                            .count())
                    .as("the breaker opened again and again")
                    .isGreaterThan(3);
            assertThat(unacked)
                    .as("deliveries the worker holds (threads %d × prefetch %d)", THREADS, PREFETCH)
                    .allSatisfy(n -> assertThat(n).isBetween(0L, (long) THREADS * PREFETCH));
            oracle.awaitSettled();
        } finally {
            FaultRig.stopAll(workers);
        }
        oracle.assertClean();
    }

    /** Messages delivered and not yet acknowledged. */
    private static long unacknowledged(FaultRig rig) throws Exception {
        try (Broker broker = rig.broker()) {
            while (true) {
                long notEnded = notEnded(rig);
                long ready = broker.workQueueCount();
                if (notEnded(rig) == notEnded) {
                    return notEnded - ready;
                }
            }
        }
    }

    private static long notEnded(FaultRig rig) throws Exception {
        Map<String, Integer> states = rig.ledger().states("held");
        return states.values().stream().mapToInt(Integer::intValue).sum()
                - states.getOrDefault("succeeded", 0)
                - states.getOrDefault("dead", 0);
    }
}
