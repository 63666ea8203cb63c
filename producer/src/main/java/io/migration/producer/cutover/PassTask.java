package io.migration.producer.cutover;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.message.TaskGroup;

/** One task of a company's pass as the ledger has it now. */
record PassTask(
        int shard,
        TaskGroup group,
        int bucketLo,
        int bucketHi,
        String state,
        String error,
        long rowsRead,
        BucketChecksums checksums) {

    boolean succeeded() {
        return state.equals("succeeded");
    }

    /** Given up on by the fleet: dead-lettered (or failed for good). */
    boolean givenUp() {
        return state.equals("dead") || state.equals("failed");
    }
}
