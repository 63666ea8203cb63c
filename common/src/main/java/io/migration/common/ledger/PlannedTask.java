package io.migration.common.ledger;

import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;

/** A task as the producer plans it and records it before publishing. */
public record PlannedTask(
        String runId,
        long companyId,
        TaskGroup group,
        int shard,
        int shardCount,
        int bucketLo,
        int bucketHi,
        long estimatedRows) {

    public TaskMessage toMessage(RunMode mode) {
        return new TaskMessage(
                TaskMessage.CURRENT_VERSION, runId, mode, companyId, group, shard, shardCount, bucketLo, bucketHi);
    }

    public TaskKey key() {
        return new TaskKey(runId, companyId, group, shard);
    }
}
