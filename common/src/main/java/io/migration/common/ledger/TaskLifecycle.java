package io.migration.common.ledger;

import io.migration.common.db.Jdbis;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskMessage;
import org.jdbi.v3.core.Jdbi;

/**
 * A task's life in the ledger as the worker drives it: a delivery claims its task (taking the range
 * and counters from the ledger, never from the message), then exactly one end is recorded: succeeded
 * (with the shard's rows, in the shard's transaction, {@link TaskLedger#markSucceeded}), a failed
 * attempt, handed back (no attempt counted), or dead (after the dead letter's publish was confirmed).
 * The states and their transitions: {@link TaskState}.
 */
public final class TaskLifecycle {

    private final Jdbi jdbi;

    /** Installs the SQL object plugin on {@code jdbi} if it has not got it ({@link Jdbis}). */
    public TaskLifecycle(Jdbi jdbi) {
        this.jdbi = Jdbis.withSqlObjects(jdbi);
    }

    /**
     * Claims the task the message names. The claim is granted, and the delivery counted, only when
     * the message agrees with the ledger's task and the task is neither finished nor crash-looping
     * (claimed {@code crashLimit} times in a row without any recorded end).
     */
    public Claim claim(TaskMessage message, String worker, int crashLimit) {
        TaskKey key = key(message);
        return jdbi.inTransaction(h -> {
            LedgerRows.ClaimRow row = LedgerRows.bindKey(h.createQuery(LedgerRows.sql("claim-task")), key)
                    .map(new LedgerRows.Claims())
                    .findOne()
                    .orElse(null);
            if (row == null) {
                return new Claim.NoSuchTask();
            }
            PlannedTask task = new PlannedTask(
                    key.runId(),
                    key.companyId(),
                    key.group(),
                    key.shard(),
                    row.shardCount(),
                    row.bucketLo(),
                    row.bucketHi(),
                    row.estimatedRows());
            String mismatch = mismatch(message, task, row.mode());
            if (mismatch != null) {
                return new Claim.Mismatch(mismatch);
            }
            if (row.state() == TaskState.SUCCEEDED) {
                return new Claim.AlreadySucceeded();
            }
            if (row.state() == TaskState.DEAD) {
                return new Claim.AlreadyDead(String.valueOf(row.error()));
            }
            if (row.unfinished() >= crashLimit) {
                return new Claim.CrashLoop(row.unfinished());
            }
            LedgerRows.bindKey(h.createUpdate(LedgerRows.sql("start-claim")), key)
                    .bind("worker", worker)
                    .execute();
            return new Claim.Granted(task, row.mode(), row.attempts(), row.deliveries() + 1);
        });
    }

    /** Records the task's own failure and returns its attempts so far. */
    public int recordFailure(TaskKey key, String worker, String error) {
        return jdbi.withExtension(LedgerStatements.class, sql -> sql.recordFailure(key, worker, error))
                .orElse(0);
    }

    /** Ends this worker's claim without counting an attempt: the delivery goes back to the queue. */
    public void recordHandBack(TaskKey key, String worker, String reason) {
        jdbi.useExtension(LedgerStatements.class, sql -> sql.recordHandBack(key, worker, reason));
    }

    /** The task is in the dead-letter queue: call only after the dead letter's publish was confirmed. */
    public void recordDead(TaskKey key, String worker, String error) {
        jdbi.useExtension(LedgerStatements.class, sql -> sql.recordDead(key, worker, error));
    }

    public static TaskKey key(TaskMessage message) {
        return new TaskKey(message.runId(), message.companyId(), message.group(), message.shard());
    }

    private static String mismatch(TaskMessage message, PlannedTask task, RunMode mode) {
        if (message.mode() != mode) {
            return "the message's mode " + message.mode().wireName() + " is not its run's (" + mode.wireName() + ")";
        }
        if (message.shardCount() != task.shardCount()
                || message.bucketLo() != task.bucketLo()
                || message.bucketHi() != task.bucketHi()) {
            return String.format(
                    "the message says shard %dof%d over buckets %d..%d; the ledger's task is %dof%d"
                            + " over buckets %d..%d",
                    message.shard(),
                    message.shardCount(),
                    message.bucketLo(),
                    message.bucketHi(),
                    task.shard(),
                    task.shardCount(),
                    task.bucketLo(),
                    task.bucketHi());
        }
        return null;
    }
}
