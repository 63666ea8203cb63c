package io.migration.producer.cutover;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.ledger.TaskState;
import io.migration.common.message.TaskGroup;

/** One task of a company's pass as the ledger has it now. */
record PassTask(
        int shard,
        TaskGroup group,
        int bucketLo,
        int bucketHi,
        TaskState state,
        String error,
        long rowsRead,
        BucketChecksums checksums) {

    boolean succeeded() {
        return state == TaskState.SUCCEEDED;
    }

    /** Given up on by the fleet: dead-lettered (or failed for good). */
    boolean givenUp() {
        return state == TaskState.DEAD || state == TaskState.FAILED;
    }
}
