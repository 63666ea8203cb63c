package io.migration.worker.verify;

import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.Emails;
import java.util.List;

/** What one verify task covers: a company, the groups of target tables, and a range of email buckets. */
record ShardScope(long companyId, List<TaskGroup> groups, int bucketLo, int bucketHi) {

    static ShardScope of(TaskMessage task) {
        return switch (task.group()) {
            case LISTS -> new ShardScope(task.companyId(), List.of(TaskGroup.LISTS), 0, Buckets.COUNT - 1);
            case RECIPIENTS, SUPPRESSIONS ->
                new ShardScope(task.companyId(), List.of(task.group()), task.bucketLo(), task.bucketHi());
            case COMPANY ->
                new ShardScope(
                        task.companyId(),
                        List.of(TaskGroup.LISTS, TaskGroup.RECIPIENTS, TaskGroup.SUPPRESSIONS),
                        0,
                        Buckets.COUNT - 1);
            case ORPHANS ->
                throw new IllegalArgumentException("verify has nothing to compare for task group "
                        + task.group().wireName());
        };
    }

    boolean covers(TaskGroup group) {
        return groups.contains(group);
    }

    /** Whether a row with this (raw or normalized) email belongs to the shard. */
    boolean holdsEmail(String email) {
        int bucket = Buckets.of(Emails.normalize(email));
        return bucket >= bucketLo && bucket <= bucketHi;
    }
}
