package io.migration.common.ledger;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The control tables' runs and tasks. Methods taking a {@link Handle} join the caller's
 * transaction, so a task's success commits with its shard's rows.
 */
public final class TaskLedger {

    private final Jdbi jdbi;

    public TaskLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<RunRecord> findRun(String runId) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("ledger/find-run"))
                .bind("runId", runId)
                .map((rs, ctx) -> new RunRecord(
                        rs.getString("run_id"),
                        RunMode.fromWireName(rs.getString("mode")).orElseThrow(),
                        rs.getString("selection"),
                        rs.getInt("shard_rows"),
                        rs.getInt("task_count"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    /**
     * Records a run and all its tasks in one transaction, before anything is published, running
     * {@code alsoRecord} in the same transaction once the run's row exists (a dry run's policy and
     * schema fingerprints, a skipped readiness check), so a run is never seen without them.
     */
    public void recordRun(NewRun run, List<PlannedTask> tasks, Consumer<Handle> alsoRecord) {
        jdbi.useTransaction(h -> {
            h.createUpdate(SqlFiles.get("ledger/insert-run"))
                    .bind("runId", run.runId())
                    .bind("mode", run.mode().wireName())
                    .bind("selection", run.selection())
                    .bind("shardRows", run.shardRows())
                    .bind("taskCount", tasks.size())
                    .bind("fleet", run.fleet())
                    .bind(
                            "selectionIds",
                            run.selectionIds() == null
                                    ? null
                                    : run.selectionIds().toArray(Long[]::new))
                    .execute();
            PreparedBatch batch = h.prepareBatch(SqlFiles.get("ledger/insert-task"));
            for (PlannedTask t : tasks) {
                batch.bind("runId", t.runId())
                        .bind("companyId", t.companyId())
                        .bind("group", t.group().wireName())
                        .bind("shard", t.shard())
                        .bind("shardCount", t.shardCount())
                        .bind("bucketLo", t.bucketLo())
                        .bind("bucketHi", t.bucketHi())
                        .bind("estimatedRows", t.estimatedRows())
                        .add();
            }
            batch.execute();
            alsoRecord.accept(h);
        });
    }

    public List<PlannedTask> unpublishedTasks(String runId) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("ledger/unpublished-tasks"))
                .bind("runId", runId)
                .map((rs, ctx) -> new PlannedTask(
                        rs.getString("run_id"),
                        rs.getLong("company_id"),
                        TaskGroup.fromWireName(rs.getString("task_group")).orElseThrow(),
                        rs.getInt("shard"),
                        rs.getInt("shard_count"),
                        rs.getInt("bucket_lo"),
                        rs.getInt("bucket_hi"),
                        rs.getLong("estimated_rows")))
                .list());
    }

    public void markPublished(List<TaskKey> keys) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(SqlFiles.get("ledger/mark-published"));
            for (TaskKey key : keys) {
                bindKey(batch, key).add();
            }
            batch.execute();
        });
    }

    /**
     * Before a dead letter's copy goes back to the work queue: the task waits again with its
     * attempts reset, unless it succeeded meanwhile (then there is nothing to replay).
     */
    public ReplayReset resetForReplay(TaskKey key) {
        return resetForReplay(key, null);
    }

    /**
     * As {@link #resetForReplay(TaskKey)} for a dead letter that carries its whole task: its shard
     * count, range and mode must match the ledger's, or it is {@link ReplayReset#UNKNOWN_TASK}.
     */
    public ReplayReset resetForReplay(TaskMessage task) {
        return resetForReplay(TaskLifecycle.key(task), task);
    }

    private ReplayReset resetForReplay(TaskKey key, TaskMessage task) {
        return jdbi.withHandle(h -> bindKey(h.createQuery(SqlFiles.get("ledger/reset-for-replay")), key)
                .bind("shardCount", task == null ? null : task.shardCount())
                .bind("bucketLo", task == null ? null : task.bucketLo())
                .bind("bucketHi", task == null ? null : task.bucketHi())
                .bind("mode", task == null ? null : task.mode().wireName())
                .mapTo(String.class)
                .findOne()
                .map(outcome -> outcome.equals("reset") ? ReplayReset.RESET : ReplayReset.ALREADY_SUCCEEDED)
                .orElse(ReplayReset.UNKNOWN_TASK));
    }

    /**
     * In the caller's transaction: locks the task's row and returns its state (empty when there is
     * no such task). A shard's writer calls it after taking its range locks and before reading the
     * source, so a duplicate delivery that waited for the first one sees "succeeded" and stops.
     */
    public Optional<String> lockTask(Handle h, TaskKey key) {
        return bindKey(h.createQuery(SqlFiles.get("ledger/lock-task")), key)
                .mapTo(String.class)
                .findOne();
    }

    /**
     * In the caller's transaction: the source rows the planner expected the task to read (empty when
     * there is no such task). The worker reads a task larger than it may hold in parts.
     */
    public java.util.OptionalLong estimatedRows(Handle h, TaskKey key) {
        return bindKey(h.createQuery(SqlFiles.get("ledger/estimated-rows")), key)
                .mapTo(Long.class)
                .findOne()
                .map(java.util.OptionalLong::of)
                .orElse(java.util.OptionalLong.empty());
    }

    public void markSucceeded(Handle h, TaskKey key, String worker, TaskOutcome outcome) {
        bindKey(h.createUpdate(SqlFiles.get("ledger/mark-succeeded")), key)
                .bind("worker", worker)
                .bind("rowsRead", outcome.rowsRead())
                .bind("rowsWritten", outcome.rowsWritten())
                .bind("rowsRejected", outcome.rejected())
                .bind("readByTable", toJson(outcome.readByTable()))
                .bind("writtenByTable", toJson(outcome.writtenByTable()))
                .bind("contributedByTable", toJson(outcome.contributedByTable()))
                .bind("durationMs", outcome.durationMillis())
                .execute();
    }

    /** In the caller's transaction: a catch-up copy's source checksums (what it read), with its success. */
    public void recordSourceChecksums(Handle h, TaskKey key, String json) {
        bindKey(h.createUpdate(SqlFiles.get("ledger/record-source-checksums")), key)
                .bind("checksums", json)
                .execute();
    }

    private static <T extends SqlStatement<T>> T bindKey(T statement, TaskKey key) {
        return statement
                .bind("runId", key.runId())
                .bind("companyId", key.companyId())
                .bind("group", key.group().wireName())
                .bind("shard", key.shard());
    }

    static String toJson(Map<String, Long> counts) {
        StringBuilder json = new StringBuilder("{");
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (json.length() > 1) {
                json.append(',');
            }
            // Keys are fixed table names from this code base, never user data.
            json.append('"').append(e.getKey()).append("\":").append(e.getValue());
        });
        return json.append('}').toString();
    }
}
