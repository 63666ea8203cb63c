package io.migration.common.ledger;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** How {@link LedgerStatements} reads its rows and binds the ledger's types (by their wire names). */
public final class LedgerRows {

    private LedgerRows() {}

    /** The text of one of {@link LedgerStatements}' files. */
    static String sql(String name) {
        return SqlFiles.get("io/migration/common/ledger/LedgerStatements/" + name);
    }

    /**
     * Binds a task's key as the ledger's files name it, on any handle: the statements a shard runs
     * on plain handles need no registered binders.
     */
    static <S extends SqlStatement<S>> S bindKey(S statement, TaskKey key) {
        return statement
                .bind("runId", key.runId())
                .bind("companyId", key.companyId())
                .bind("group", key.group().wireName())
                .bind("shard", key.shard());
    }

    /** The task's row a claim decides on, with the mode its copy runs in. */
    public record ClaimRow(
            TaskState state,
            String error,
            int shardCount,
            int bucketLo,
            int bucketHi,
            long estimatedRows,
            int attempts,
            int deliveries,
            int unfinished,
            RunMode mode) {}

    public static final class StateColumn implements ColumnMapper<TaskState> {
        @Override
        public TaskState map(ResultSet rs, int column, StatementContext ctx) throws SQLException {
            String state = rs.getString(column);
            return state == null ? null : TaskState.of(state);
        }
    }

    public static final class GroupArgument extends AbstractArgumentFactory<TaskGroup> {
        public GroupArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(TaskGroup group, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, group.wireName());
        }
    }

    public static final class ModeArgument extends AbstractArgumentFactory<RunMode> {
        public ModeArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(RunMode mode, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, mode.wireName());
        }
    }

    public static final class Runs implements RowMapper<RunRecord> {
        @Override
        public RunRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new RunRecord(
                    rs.getString("run_id"),
                    RunMode.fromWireName(rs.getString("mode")).orElseThrow(),
                    rs.getString("selection"),
                    rs.getInt("shard_rows"),
                    rs.getInt("task_count"),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant());
        }
    }

    public static final class Planned implements RowMapper<PlannedTask> {
        @Override
        public PlannedTask map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PlannedTask(
                    rs.getString("run_id"),
                    rs.getLong("company_id"),
                    TaskGroup.fromWireName(rs.getString("task_group")).orElseThrow(),
                    rs.getInt("shard"),
                    rs.getInt("shard_count"),
                    rs.getInt("bucket_lo"),
                    rs.getInt("bucket_hi"),
                    rs.getLong("estimated_rows"));
        }
    }

    public static final class Claims implements RowMapper<ClaimRow> {
        @Override
        public ClaimRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ClaimRow(
                    TaskState.of(rs.getString("state")),
                    rs.getString("error"),
                    rs.getInt("shard_count"),
                    rs.getInt("bucket_lo"),
                    rs.getInt("bucket_hi"),
                    rs.getLong("estimated_rows"),
                    rs.getInt("attempts"),
                    rs.getInt("deliveries"),
                    rs.getInt("unfinished"),
                    RunMode.fromWireName(rs.getString("mode")).orElseThrow());
        }
    }
}
