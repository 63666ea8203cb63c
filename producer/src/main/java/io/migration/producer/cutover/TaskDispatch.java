package io.migration.producer.cutover;

import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskState;
import io.migration.common.message.RunMode;
import io.migration.producer.enqueue.TaskPublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Records a company's pass in the ledger, publishes it (confirmed), and waits for the fleet to end
 * it. Many companies' cutovers share one publisher, one at a time.
 */
final class TaskDispatch {

    private static final long POLL_MILLIS = 100;

    private final CutoverLedger cutovers;
    private final TaskLedger tasks;
    private final TaskPublisher publisher;

    TaskDispatch(CutoverLedger cutovers, TaskLedger tasks, TaskPublisher publisher) {
        this.cutovers = cutovers;
        this.tasks = tasks;
        this.publisher = publisher;
    }

    /** Records and publishes {@code planned} (shards already numbered) as tasks of {@code mode}. */
    void send(List<PlannedTask> planned, RunMode mode) throws IOException, InterruptedException, TimeoutException {
        cutovers.insertTasks(planned, mode);
        publish(planned, mode);
    }

    /** Publishes tasks already recorded (a resumed run's, never confirmed). */
    void publish(List<PlannedTask> planned, RunMode mode) throws IOException, InterruptedException, TimeoutException {
        synchronized (publisher) {
            publisher.publish(planned, mode, tasks::markPublished);
        }
    }

    /**
     * Waits until every task of {@code shards} succeeded or one was given up on, for at most
     * {@code timeout}; returns their final rows.
     */
    List<PassTask> await(String runId, long companyId, List<Integer> shards, Duration timeout)
            throws InterruptedException, PassFailedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<PassTask> now = cutovers.tasks(runId, companyId, shards);
            for (PassTask t : now) {
                if (t.givenUp()) {
                    throw new PassFailedException("task " + t.group().wireName() + " " + t.shard() + " was "
                            + (t.state() == TaskState.DEAD ? "dead-lettered" : "given up on")
                            + (t.error() == null ? "" : ": " + t.error()));
                }
            }
            if (now.size() == shards.size() && now.stream().allMatch(PassTask::succeeded)) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                long done = now.stream().filter(PassTask::succeeded).count();
                throw new PassFailedException(done + " of " + shards.size() + " task(s) done after "
                        + timeout.toSeconds() + " s (CUTOVER_PASS_TIMEOUT): is the fleet running?");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** A pass that cannot end well: a task dead-lettered, or the fleet too slow. */
    static final class PassFailedException extends Exception {
        PassFailedException(String message) {
            super(message);
        }
    }
}
