package io.migration.common.ledger;

import io.migration.common.db.Jdbis;
import io.migration.common.message.TaskMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The control tables' runs and tasks. Methods taking a {@link Handle} join the caller's
 * transaction, so a task's success commits with its shard's rows.
 */
public final class TaskLedger {

    private final Jdbi jdbi;

    /** Installs the SQL object plugin on {@code jdbi} if it has not got it ({@link Jdbis}). */
    public TaskLedger(Jdbi jdbi) {
        this.jdbi = Jdbis.withSqlObjects(jdbi);
    }

    public Optional<RunRecord> findRun(String runId) {
        return jdbi.withExtension(LedgerStatements.class, sql -> sql.findRun(runId));
    }

    /**
     * Records a run and all its tasks in one transaction, before anything is published, running
     * {@code alsoRecord} in the same transaction once the run's row exists (a dry run's policy and
     * schema fingerprints, a skipped readiness check), so a run is never seen without them.
     */
    public void recordRun(NewRun run, List<PlannedTask> tasks, Consumer<Handle> alsoRecord) {
        jdbi.useTransaction(h -> {
            LedgerStatements sql = h.attach(LedgerStatements.class);
            sql.insertRun(
                    run.runId(),
                    run.mode(),
                    run.selection(),
                    run.shardRows(),
                    tasks.size(),
                    run.fleet(),
                    run.selectionIds() == null ? null : run.selectionIds().toArray(Long[]::new));
            if (!tasks.isEmpty()) {
                sql.insertTasks(tasks);
            }
            alsoRecord.accept(h);
        });
    }

    public List<PlannedTask> unpublishedTasks(String runId) {
        return jdbi.withExtension(LedgerStatements.class, sql -> sql.unpublishedTasks(runId));
    }

    public void markPublished(List<TaskKey> keys) {
        if (!keys.isEmpty()) {
            jdbi.useTransaction(h -> h.attach(LedgerStatements.class).markPublished(keys));
        }
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
        return jdbi.withExtension(
                        LedgerStatements.class,
                        sql -> sql.resetForReplay(
                                key,
                                task == null ? null : task.shardCount(),
                                task == null ? null : task.bucketLo(),
                                task == null ? null : task.bucketHi(),
                                task == null ? null : task.mode()))
                .map(outcome -> outcome.equals("reset") ? ReplayReset.RESET : ReplayReset.ALREADY_SUCCEEDED)
                .orElse(ReplayReset.UNKNOWN_TASK);
    }

    /**
     * In the caller's transaction: locks the task's row and returns its state (empty when there is
     * no such task). A shard's writer calls it after taking its range locks and before reading the
     * source, so a duplicate delivery that waited for the first one sees {@link TaskState#SUCCEEDED}
     * and stops. Any handle will do for this and the other per-shard statements (plain handles,
     * {@link LedgerStatements} says why); {@link #recordSourceChecksums} needs one of a Jdbi with the
     * SQL object plugin ({@link Jdbis}; this ledger's own Jdbi has it once the ledger is built).
     */
    public Optional<TaskState> lockTask(Handle h, TaskKey key) {
        return LedgerRows.bindKey(h.createQuery(LedgerRows.sql("lock-task")), key)
                .map(new LedgerRows.StateColumn())
                .findOne();
    }

    /**
     * In the caller's transaction: the source rows the planner expected the task to read (empty when
     * there is no such task). The worker reads a task larger than it may hold in parts.
     */
    public OptionalLong estimatedRows(Handle h, TaskKey key) {
        return LedgerRows.bindKey(h.createQuery(LedgerRows.sql("estimated-rows")), key)
                .mapTo(Long.class)
                .findOne()
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    public void markSucceeded(Handle h, TaskKey key, String worker, TaskOutcome outcome) {
        LedgerRows.bindKey(h.createUpdate(LedgerRows.sql("mark-succeeded")), key)
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
        h.attach(LedgerStatements.class).recordSourceChecksums(key, json);
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
