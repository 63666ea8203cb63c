package io.migration.common.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a task stands in the ledger ({@code migration.tasks.state}, V2__control_tables.sql). The
 * producer records a task planned and marks it published once the broker confirmed it; a delivery
 * claims it (running), then exactly one end is recorded: succeeded (with the shard's rows, in the
 * shard's transaction), a failed attempt or a hand-back (retrying, the delivery goes back to the
 * queue), or dead (after the dead letter's publish was confirmed). {@link TaskTransition} says which
 * states each step moves; {@link #after} and {@link #canMoveTo} read that table.
 *
 * <pre>
 * planned → published → running ─┬→ succeeded
 *                         ↑       ├→ retrying (failed attempt | handed back) → running …
 *                         │       └→ dead (attempts exhausted, crash loop, unknown company)
 *                         └──────── dlq replay resets a dead task to published
 * </pre>
 *
 * The guards are wider than the happy path because deliveries race: a fast worker may claim a task
 * still planned, a duplicate delivery claims a running one, and a claim still running when its task
 * was declared dead may yet succeed.
 */
public enum TaskState {
    /** Recorded with its run, before anything is published. */
    PLANNED("planned"),
    /** Its message is in the work queue (the broker confirmed the publish). */
    PUBLISHED("published"),
    /** A worker claimed it and has not recorded an end yet. */
    RUNNING("running"),
    /** A failed attempt or a hand-back: its delivery went back to the queue. */
    RETRYING("retrying"),
    /** Its rows are in the target, committed with this state. */
    SUCCEEDED("succeeded"),
    /** Allowed by the schema, never written by this code base; readers count it with the dead. */
    FAILED("failed"),
    /** Its dead letter is in the dead-letter queue; only {@code dlq replay} brings it back. */
    DEAD("dead");

    private final String wireName;

    TaskState(String wireName) {
        this.wireName = wireName;
    }

    /** The name the ledger stores. */
    public String wireName() {
        return wireName;
    }

    /** The state {@code step} leaves a task in that is in this state (this one when it does not apply). */
    public TaskState after(TaskTransition step) {
        return step.movesFrom(this) ? step.to() : this;
    }

    /** Whether some step of the ledger moves a task from this state to {@code next}. */
    public boolean canMoveTo(TaskState next) {
        return Arrays.stream(TaskTransition.values()).anyMatch(t -> t.movesFrom(this) && t.to() == next);
    }

    public static TaskState of(String wireName) {
        return named(wireName).orElseThrow(() -> new IllegalArgumentException("unknown task state " + wireName));
    }

    public static Optional<TaskState> named(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }
}
