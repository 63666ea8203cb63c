package io.migration.common.ledger;

import io.migration.common.db.Jdbis;
import io.migration.common.db.SqlFiles;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjects;
import org.jdbi.v3.sqlobject.locator.SqlLocator;
import org.jdbi.v3.sqlobject.locator.SqlObjectClasspathSqlLocator;

/** How {@link LedgerStatements} reads its rows and binds the ledger's types (by their wire names). */
public final class LedgerRows {

    private LedgerRows() {}

    /**
     * The SQL object plugin, the classpath locator of {@link LedgerStatements}' files, and the
     * ledger's binders and mappers, registered on {@code jdbi} once (again is harmless). Handles
     * opened before keep the configuration they were opened with.
     */
    public static Jdbi prepare(Jdbi jdbi) {
        return Jdbis.withSqlObjects(jdbi)
                .configure(SqlObjects.class, c -> c.setSqlLocator(LOCATOR))
                .registerArgument(new GroupArgument())
                .registerArgument(new ModeArgument())
                .registerColumnMapper(TaskState.class, new StateColumn())
                .registerRowMapper(RunRecord.class, new Runs())
                .registerRowMapper(PlannedTask.class, new Planned())
                .registerRowMapper(ClaimRow.class, new Claims());
    }

    /** The text of one of {@link LedgerStatements}' files. */
    static String sql(String name) {
        return SqlFiles.get("io/migration/common/ledger/LedgerStatements/" + name);
    }

    /** One locator, so its cache of the files' text is shared by every Jdbi and call. */
    private static final SqlLocator LOCATOR = new SqlObjectClasspathSqlLocator(ClasspathSqlLocator.create());

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
