package io.migration.worker.verify;

import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.shard.Buckets;
import io.migration.common.transform.Emails;
import java.util.List;

/** What one verify task covers: a company, the groups of target tables, and a range of email buckets. */
record ShardScope(long companyId, List<TaskGroup> groups, int bucketLo, int bucketHi) {

    static ShardScope of(TaskMessage task) {
        List<TaskGroup> groups = switch (task.group()) {
            case LISTS -> List.of(TaskGroup.LISTS);
            case RECIPIENTS -> List.of(TaskGroup.RECIPIENTS);
            case SUPPRESSIONS -> List.of(TaskGroup.SUPPRESSIONS);
            default -> throw new IllegalArgumentException("verify has nothing to compare for task group "
                    + task.group().wireName());
        };
        return new ShardScope(task.companyId(), groups, task.bucketLo(), task.bucketHi());
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
