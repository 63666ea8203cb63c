package io.migration.common.ledger;

import io.migration.common.message.RunMode;

/** What the ledger answers a delivery that asks for its task ({@link TaskLifecycle#claim}). */
public sealed interface Claim {

    /** Run it: the task as the ledger planned it (its range, not the message's), and its counters. */
    record Granted(PlannedTask task, RunMode mode, int attempts, int deliveries) implements Claim {}

    /** No such run or task: the message does not come from `producer enqueue`. */
    record NoSuchTask() implements Claim {}

    /** The message names a real task but disagrees with it (shard count, bucket range, mode). */
    record Mismatch(String detail) implements Claim {}

    /** Another delivery finished it: this one is a duplicate. */
    record AlreadySucceeded() implements Claim {}

    /** It went to the dead-letter queue already (a copy delivered again); `dlq replay` revives it. */
    record AlreadyDead(String error) implements Claim {}

    /** Claimed this many times without any end being recorded: each worker that took it died. */
    record CrashLoop(int unfinished) implements Claim {}
}
