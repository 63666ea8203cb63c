package io.migration.common.ledger;

/** What resetting a task for a dead letter's replay found. */
public enum ReplayReset {
    /** The task is waiting again with no failed attempt: publish the copy. */
    RESET,
    /** The task succeeded meanwhile: nothing to replay, the dead letter can go. */
    ALREADY_SUCCEEDED,
    /** No such task was planned (another target, or a hand-made message): replay it as it is. */
    UNKNOWN_TASK
}
