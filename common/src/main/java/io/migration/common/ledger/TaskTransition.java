package io.migration.common.ledger;

import static io.migration.common.ledger.TaskState.DEAD;
import static io.migration.common.ledger.TaskState.PLANNED;
import static io.migration.common.ledger.TaskState.RUNNING;
import static io.migration.common.ledger.TaskState.SUCCEEDED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps that move a task's state, each with the states its statement accepts (its {@code WHERE}
 * on {@code state}, or the claim's check) and the state it leaves: the transition table of
 * {@link TaskState}. {@code TaskTransitionsIT} holds the statements to it on the real database.
 */
public enum TaskTransition {
    /** The broker confirmed the publish (mark-published): only a task nobody started yet. */
    PUBLISH(EnumSet.of(PLANNED), TaskState.PUBLISHED),
    /** A delivery's claim is granted (claim-task, start-claim): any task not finished. */
    CLAIM(EnumSet.complementOf(EnumSet.of(SUCCEEDED, DEAD)), RUNNING),
    /** The task's own failure, one attempt more (record-failure): any task not finished. */
    FAIL(EnumSet.complementOf(EnumSet.of(SUCCEEDED, DEAD)), TaskState.RETRYING),
    /** The delivery went back to the queue (record-hand-back): only this worker's running claim. */
    HAND_BACK(EnumSet.of(RUNNING), TaskState.RETRYING),
    /** The dead letter's publish was confirmed (record-dead): any task that did not succeed. */
    DIE(EnumSet.complementOf(EnumSet.of(SUCCEEDED)), DEAD),
    /**
     * The shard's rows committed (mark-succeeded), in the shard's transaction: the statement takes
     * any state, the shard having locked the task and seen that it had not succeeded.
     */
    SUCCEED(EnumSet.allOf(TaskState.class), SUCCEEDED),
    /** An operator replays a dead letter (reset-for-replay): any task that did not succeed. */
    REPLAY(EnumSet.complementOf(EnumSet.of(SUCCEEDED)), TaskState.PUBLISHED);

    private final Set<TaskState> from;
    private final TaskState to;

    TaskTransition(EnumSet<TaskState> from, TaskState to) {
        this.from = from;
        this.to = to;
    }

    public boolean movesFrom(TaskState state) {
        return from.contains(state);
    }

    public TaskState to() {
        return to;
    }
}
