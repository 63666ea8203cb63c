package io.migration.worker.delivery;

import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLifecycle;

/**
 * What the ledger records of a delivery's end ({@link TaskLifecycle}'s records), seen through an
 * interface so that the settle can be tested without a database.
 */
public interface TaskRecords {

    /** Records the task's own failure; returns its attempts so far. */
    int failure(TaskKey key, String worker, String error);

    void handBack(TaskKey key, String worker, String reason);

    void dead(TaskKey key, String worker, String error);

    static TaskRecords of(TaskLifecycle lifecycle) {
        return new TaskRecords() {
            @Override
            public int failure(TaskKey key, String worker, String error) {
                return lifecycle.recordFailure(key, worker, error);
            }

            @Override
            public void handBack(TaskKey key, String worker, String reason) {
                lifecycle.recordHandBack(key, worker, reason);
            }

            @Override
            public void dead(TaskKey key, String worker, String error) {
                lifecycle.recordDead(key, worker, error);
            }
        };
    }
}
