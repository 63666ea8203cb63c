package io.migration.worker.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migration.common.db.Jdbis;
import io.migration.common.db.SqlFiles;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.ledger.TaskState;
import io.migration.common.message.TaskMessage;
import io.migration.worker.pace.Pacer;
import io.migration.worker.pipeline.AlreadySucceededException;
import io.migration.worker.pipeline.ShardRunner;
import io.migration.worker.source.SourceReadException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One verify task: recomputes from the source, now, what the target must hold for the shard, reads
 * back what it holds, and records per target table the counts, the order-independent checksums
 * and, on a mismatch, the kinds and keys of a bounded sample of differing rows. It shares nothing
 * with the write path. A mismatch is the task's result, not its failure.
 */
public final class ShardVerifier implements ShardRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource source;
    private final DataSource targetData;
    private final Jdbi target;
    private final TaskLedger ledger;
    private final String workerName;

    public ShardVerifier(DataSource source, DataSource target, String workerName) {
        this.source = source;
        this.targetData = target;
        this.target = Jdbis.create(target);
        this.ledger = new TaskLedger(this.target);
        this.workerName = workerName;
    }

    @Override
    public TaskOutcome run(TaskMessage task, Pacer sourcePacer, Pacer targetPacer)
            throws SQLException, InterruptedException, AlreadySucceededException {
        long started = System.nanoTime();
        ShardScope scope = ShardScope.of(task);
        Map<String, TableImage> expected;
        Map<String, Long> read;
        Set<UUID> recipientIds;
        try (Snapshot snapshot = new Snapshot(source.getConnection())) {
            ExpectedSide side = new ExpectedSide(snapshot, scope, sourcePacer);
            expected = side.images();
            read = side.rowsRead();
            recipientIds = side.recipientIds();
        } catch (SQLException e) {
            throw new SourceReadException(e);
        }
        Map<String, TableImage> actual;
        try (Snapshot snapshot = new Snapshot(targetData.getConnection())) {
            actual = new ActualSide(snapshot, scope).images(recipientIds);
        }
        Map<String, TableVerdict> verdicts = new LinkedHashMap<>();
        expected.forEach((table, image) -> verdicts.put(table, TableVerdict.compare(image, actual.get(table))));
        TaskKey key = new TaskKey(task.runId(), task.companyId(), task.group(), task.shard());
        TaskOutcome outcome = new TaskOutcome(read, Map.of(), Map.of(), 0, (System.nanoTime() - started) / 1_000_000);
        boolean duplicate = target.inTransaction(h -> {
            if (ledger.lockTask(h, key).filter(TaskState.SUCCEEDED::equals).isPresent()) {
                return true;
            }
            h.createUpdate(SqlFiles.get("verify/delete-results"))
                    .bind("runId", key.runId())
                    .bind("companyId", key.companyId())
                    .bind("group", key.group().wireName())
                    .bind("shard", key.shard())
                    .execute();
            for (TableVerdict v : verdicts.values()) {
                h.createUpdate(SqlFiles.get("verify/insert-result"))
                        .bind("runId", key.runId())
                        .bind("companyId", key.companyId())
                        .bind("group", key.group().wireName())
                        .bind("shard", key.shard())
                        .bind("table", v.table())
                        .bind("expectedRows", v.expectedRows())
                        .bind("actualRows", v.actualRows())
                        .bind("expectedChecksum", v.expectedChecksum())
                        .bind("actualChecksum", v.actualChecksum())
                        .bind("missing", v.missing())
                        .bind("unexpected", v.unexpected())
                        .bind("changed", v.changed())
                        .bind("sample", sample(v))
                        .execute();
            }
            ledger.markSucceeded(h, key, workerName, outcome);
            return false;
        });
        if (duplicate) {
            throw new AlreadySucceededException(task);
        }
        return outcome;
    }

    private static String sample(TableVerdict verdict) {
        try {
            return JSON.writeValueAsString(verdict.sample());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
