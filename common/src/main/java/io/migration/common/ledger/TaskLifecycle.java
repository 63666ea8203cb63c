package io.migration.common.ledger;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskMessage;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A task's life in the ledger as the worker drives it, in one place: a delivery claims its task
 * (taking the range and counters from the ledger, never from the message), then exactly one end
 * is recorded: succeeded (with the shard's rows, in the shard's transaction), a failed attempt,
 * handed back (no attempt counted), or dead (after the dead letter's publish was confirmed).
 *
 * <pre>
 * planned → published → running ─┬→ succeeded
 *                         ↑       ├→ retrying (failed attempt | handed back) → running …
 *                         │       └→ dead (attempts exhausted, crash loop, unknown company)
 *                         └──────── dlq replay resets a dead task to published
 * </pre>
 */
public final class TaskLifecycle {

    private final Jdbi jdbi;

    public TaskLifecycle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Claims the task the message names. The claim is granted, and the delivery counted, only when
     * the message agrees with the ledger's task and the task is neither finished nor crash-looping
     * (claimed {@code crashLimit} times in a row without any recorded end).
     */
    public Claim claim(TaskMessage message, String worker, int crashLimit) {
        TaskKey key = key(message);
        return jdbi.inTransaction(h -> {
            Map<String, Object> row = bindKey(h.createQuery(SqlFiles.get("ledger/claim-task")), key)
                    .mapToMap()
                    .findOne()
                    .orElse(null);
            if (row == null) {
                return new Claim.NoSuchTask();
            }
            String state = (String) row.get("state");
            PlannedTask task = new PlannedTask(
                    key.runId(),
                    key.companyId(),
                    key.group(),
                    key.shard(),
                    ((Number) row.get("shard_count")).intValue(),
                    ((Number) row.get("bucket_lo")).intValue(),
                    ((Number) row.get("bucket_hi")).intValue(),
                    ((Number) row.get("estimated_rows")).longValue());
            RunMode mode = RunMode.fromWireName((String) row.get("mode")).orElseThrow();
            String mismatch = mismatch(message, task, mode);
            if (mismatch != null) {
                return new Claim.Mismatch(mismatch);
            }
            if ("succeeded".equals(state)) {
                return new Claim.AlreadySucceeded();
            }
            if ("dead".equals(state)) {
                return new Claim.AlreadyDead(String.valueOf(row.get("error")));
            }
            int unfinished = ((Number) row.get("unfinished")).intValue();
            if (unfinished >= crashLimit) {
                return new Claim.CrashLoop(unfinished);
            }
            bindKey(h.createUpdate(SqlFiles.get("ledger/start-claim")), key)
                    .bind("worker", worker)
                    .execute();
            return new Claim.Granted(
                    task,
                    mode,
                    ((Number) row.get("attempts")).intValue(),
                    ((Number) row.get("deliveries")).intValue() + 1);
        });
    }

    /** Records the task's own failure and returns its attempts so far. */
    public int recordFailure(TaskKey key, String worker, String error) {
        return jdbi.withHandle(h -> bindKey(h.createQuery(SqlFiles.get("ledger/record-failure")), key)
                .bind("worker", worker)
                .bind("error", error)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
    }

    /** Ends this worker's claim without counting an attempt: the delivery goes back to the queue. */
    public void recordHandBack(TaskKey key, String worker, String reason) {
        jdbi.useHandle(h -> bindKey(h.createUpdate(SqlFiles.get("ledger/record-hand-back")), key)
                .bind("worker", worker)
                .bind("reason", reason)
                .execute());
    }

    /** The task is in the dead-letter queue: call only after the dead letter's publish was confirmed. */
    public void recordDead(TaskKey key, String worker, String error) {
        jdbi.useHandle(h -> bindKey(h.createUpdate(SqlFiles.get("ledger/record-dead")), key)
                .bind("worker", worker)
                .bind("error", error)
                .execute());
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

    private static <T extends SqlStatement<T>> T bindKey(T statement, TaskKey key) {
        return statement
                .bind("runId", key.runId())
                .bind("companyId", key.companyId())
                .bind("group", key.group().wireName())
                .bind("shard", key.shard());
    }
}
