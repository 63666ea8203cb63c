package io.migration.worker.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migration.common.db.SqlFiles;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.ledger.TaskState;
import io.migration.common.message.TaskMessage;
import io.migration.common.transform.RejectReason;
import io.migration.worker.pace.Pacer;
import io.migration.worker.pipeline.AlreadySucceededException;
import io.migration.worker.pipeline.ShardRunner;
import io.migration.worker.source.SourceReadException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The dry run's task for the rows of no company (R10): in one source snapshot, the children whose
 * {@code list_recipient_id} does not exist, and every legacy table's row count, so that the dry
 * run's report can close R12 over the whole source (read = contributed + rejected + orphaned).
 * The orphans are recorded as {@code orphan_recipient} dry-run rejects with no company.
 */
public final class OrphanCount implements ShardRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Orphan(String table, long id) {}

    private final DataSource source;
    private final Jdbi target;
    private final TaskLedger ledger;
    private final String workerName;

    public OrphanCount(DataSource source, Jdbi target, String workerName) {
        this.source = source;
        this.target = target;
        this.ledger = new TaskLedger(target);
        this.workerName = workerName;
    }

    @Override
    public TaskOutcome run(TaskMessage task, Pacer sourcePacer, Pacer targetPacer) throws Exception {
        long started = System.nanoTime();
        List<Orphan> orphans = new ArrayList<>();
        Map<String, Long> sourceRows = new TreeMap<>();
        try (Connection conn = source.getConnection()) {
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                query(conn, "dryrun/orphan-children", rs -> orphans.add(new Orphan(rs.getString(1), rs.getLong(2))));
                query(conn, "dryrun/source-rows", rs -> sourceRows.put(rs.getString(1), rs.getLong(2)));
            } finally {
                conn.rollback();
            }
        } catch (SQLException e) {
            throw new SourceReadException(e);
        }
        Map<String, Long> byTable = new TreeMap<>();
        orphans.forEach(o -> byTable.merge(o.table(), 1L, Long::sum));
        for (long left = orphans.size(); left > 0; left -= 1_000) {
            sourcePacer.acquire((int) Math.min(1_000, left));
        }
        TaskOutcome outcome =
                new TaskOutcome(byTable, Map.of(), Map.of(), orphans.size(), (System.nanoTime() - started) / 1_000_000);
        TaskKey key = new TaskKey(task.runId(), task.companyId(), task.group(), task.shard());
        boolean duplicate = target.inTransaction(h -> {
            if (ledger.lockTask(h, key).filter(TaskState.SUCCEEDED::equals).isPresent()) {
                return true;
            }
            h.createUpdate(SqlFiles.get("dryrun/delete-rejects"))
                    .bind("runId", key.runId())
                    .bind("group", key.group().wireName())
                    .bind("shard", key.shard())
                    .bind("companyId", (Long) null)
                    .execute();
            PreparedBatch batch = h.prepareBatch(SqlFiles.get("dryrun/insert-reject"));
            for (Orphan o : orphans) {
                batch.bind("runId", key.runId())
                        .bind("companyId", (Long) null)
                        .bind("group", key.group().wireName())
                        .bind("shard", key.shard())
                        .bind("sourceTable", o.table())
                        .bind("sourceId", o.id())
                        .bind("reason", RejectReason.ORPHAN_RECIPIENT.code())
                        .add();
            }
            if (!orphans.isEmpty()) {
                batch.execute();
            }
            ledger.markSucceeded(h, key, workerName, outcome);
            h.createUpdate(SqlFiles.get("dryrun/task-detail"))
                    .bind("runId", key.runId())
                    .bind("companyId", key.companyId())
                    .bind("group", key.group().wireName())
                    .bind("shard", key.shard())
                    .bind("detail", json(Map.of("source_rows", sourceRows)))
                    .execute();
            return false;
        });
        if (duplicate) {
            throw new AlreadySucceededException(task);
        }
        return outcome;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection conn, String sql, Row row) throws SQLException {
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get(sql))) {
            st.setFetchSize(5_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
