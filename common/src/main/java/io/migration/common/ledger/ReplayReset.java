package io.migration.common.ledger;

/** What resetting a task for a dead letter's replay found. */
public enum ReplayReset {
    /** The task is waiting again with no failed attempt: publish the copy. */
    RESET,
    /** The task succeeded meanwhile: nothing to replay, the dead letter can go. */
    ALREADY_SUCCEEDED,
    /**
     * No such task was planned (a forged message, or one planned against another target), or the
     * letter's shard count, range or mode disagree with the ledger's: a copy would only be
     * dead-lettered again, so it stays where it is.
     */
    UNKNOWN_TASK
}
