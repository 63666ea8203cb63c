package io.migration.common.ledger;

import io.migration.common.message.RunMode;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterArgumentFactory;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Every statement the ledger runs on {@code migration.runs} and {@code migration.tasks}, the task
 * transitions ({@link TaskTransition}) among them. Each is the {@code .sql} file of its name in
 * {@code io/migration/common/ledger/LedgerStatements/} on the classpath. A task is bound by its key's
 * names ({@code :runId, :companyId, :group, :shard}); groups and modes by their wire names.
 *
 * <p>{@link TaskLedger} and {@link TaskLifecycle} are the API: they attach this to a handle of a Jdbi
 * with the SQL object plugin ({@link io.migration.common.db.Jdbis}). The statements every delivery and
 * shard runs (claim-task, start-claim, lock-task, estimated-rows, mark-succeeded) are files of the
 * same folder that {@link TaskLedger} and {@link TaskLifecycle} run on plain handles ({@link
 * LedgerRows#sql}): attaching a SQL object per shard
 * made the fleet 10-15 % slower in the benchmark (Jdbi's SQL-object machinery compiled and run on
 * every delivery: JIT CPU 2.7 vs 1.5 s per million rows, 25.6 vs 20.0 s wall).
 */
@UseClasspathSqlLocator
@RegisterArgumentFactory(LedgerRows.GroupArgument.class)
@RegisterArgumentFactory(LedgerRows.ModeArgument.class)
@RegisterColumnMapper(LedgerRows.StateColumn.class)
public interface LedgerStatements {

    @SqlQuery("find-run")
    @RegisterRowMapper(LedgerRows.Runs.class)
    Optional<RunRecord> findRun(@Bind("runId") String runId);

    @SqlUpdate("insert-run")
    void insertRun(
            @Bind("runId") String runId,
            @Bind("mode") RunMode mode,
            @Bind("selection") String selection,
            @Bind("shardRows") int shardRows,
            @Bind("taskCount") int taskCount,
            @Bind("fleet") String fleet,
            @Bind("selectionIds") Long[] selectionIds);

    /** Each task enters the ledger {@link TaskState#PLANNED} (the column's default). */
    @SqlBatch("insert-task")
    void insertTasks(@BindMethods Iterable<PlannedTask> tasks);

    @SqlQuery("unpublished-tasks")
    @RegisterRowMapper(LedgerRows.Planned.class)
    List<PlannedTask> unpublishedTasks(@Bind("runId") String runId);

    /** {@link TaskTransition#PUBLISH}. */
    @SqlBatch("mark-published")
    void markPublished(@BindMethods Iterable<TaskKey> keys);

    /** {@link TaskTransition#FAIL}: the attempts so far, empty when the task took no end. */
    @SqlQuery("record-failure")
    Optional<Integer> recordFailure(
            @BindMethods TaskKey key, @Bind("worker") String worker, @Bind("error") String error);

    /** {@link TaskTransition#HAND_BACK}. */
    @SqlUpdate("record-hand-back")
    void recordHandBack(@BindMethods TaskKey key, @Bind("worker") String worker, @Bind("reason") String reason);

    /** {@link TaskTransition#DIE}. */
    @SqlUpdate("record-dead")
    void recordDead(@BindMethods TaskKey key, @Bind("worker") String worker, @Bind("error") String error);

    /**
     * {@link TaskTransition#REPLAY}: "reset", or "succeeded" when there was nothing to reset; empty
     * when no such task was planned (or the letter's shard count, range or mode disagree, when given).
     */
    @SqlQuery("reset-for-replay")
    Optional<String> resetForReplay(
            @BindMethods TaskKey key,
            @Bind("shardCount") Integer shardCount,
            @Bind("bucketLo") Integer bucketLo,
            @Bind("bucketHi") Integer bucketHi,
            @Bind("mode") RunMode mode);

    @SqlUpdate("record-source-checksums")
    void recordSourceChecksums(@BindMethods TaskKey key, @Bind("checksums") String checksums);
}
