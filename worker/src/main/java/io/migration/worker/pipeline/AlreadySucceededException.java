package io.migration.worker.pipeline;

import io.migration.common.message.TaskMessage;

/**
 * The task's ledger row, locked inside the shard's transaction, says it already succeeded: this
 * delivery is a duplicate (a redelivery that waited for the first copy) and wrote nothing. The
 * caller acknowledges it ("duplicate ignored").
 */
public final class AlreadySucceededException extends Exception {

    public AlreadySucceededException(TaskMessage task) {
        super(
                "task " + task.taskKey() + " of run " + task.runId() + " already succeeded; duplicate ignored",
                null,
                false,
                false);
    }
}
