package io.migration.worker.pipeline;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskMessage;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A dry run's ending: the shard went the whole way of a migration (deletes, COPY, merges, every
 * constraint and trigger of the target, deferred ones checked now), then everything it wrote is
 * rolled back to the savepoint taken before it started, and only its rejects are kept, apart from
 * real runs' (migration.dry_run_rejects, per run and task).
 */
final class DryRunRollback implements ShardMigration.Ending {

    private Savepoint before;

    @Override
    public void begin(Handle h) throws SQLException {
        before = h.getConnection().setSavepoint("dry_run");
    }

    @Override
    public void end(Handle h, TaskMessage task) throws SQLException {
        h.execute("SET CONSTRAINTS ALL IMMEDIATE");
        List<Map<String, Object>> rejects = h.createQuery(SqlFiles.get("dryrun/this-runs-rejects"))
                .bind("companyId", task.companyId())
                .bind("runId", task.runId())
                .mapToMap()
                .list();
        h.getConnection().rollback(before);
        h.createUpdate(SqlFiles.get("dryrun/delete-rejects"))
                .bind("runId", task.runId())
                .bind("group", task.group().wireName())
                .bind("shard", task.shard())
                .bind("companyId", task.companyId())
                .execute();
        if (rejects.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch(SqlFiles.get("dryrun/insert-reject"));
        for (Map<String, Object> r : rejects) {
            batch.bind("runId", task.runId())
                    .bind("companyId", (Long) r.get("company_id"))
                    .bind("group", task.group().wireName())
                    .bind("shard", task.shard())
                    .bind("sourceTable", (String) r.get("source_table"))
                    .bind("sourceId", (Long) r.get("source_id"))
                    .bind("reason", (String) r.get("reason"))
                    .add();
        }
        batch.execute();
    }
}
