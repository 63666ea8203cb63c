package io.migration.worker.pipeline;

import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.message.TaskMessage;
import io.migration.common.transform.ListResult;
import io.migration.common.transform.ListTransform;
import io.migration.common.transform.RecipientShardInput;
import io.migration.common.transform.RecipientShardResult;
import io.migration.common.transform.RecipientTransform;
import io.migration.common.transform.SourceList;
import io.migration.common.transform.SourceSuppression;
import io.migration.common.transform.SuppressionResult;
import io.migration.common.transform.SuppressionTransform;
import io.migration.worker.source.ShardReader;
import io.migration.worker.source.ShardReader.Read;
import io.migration.worker.target.ShardWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * One attempt at one task in migrate mode: read the shard from the source, apply the rules,
 * replace the shard in the target and mark the task succeeded, all in one target transaction.
 */
public final class ShardMigration implements ShardRunner {

    private final ShardReader reader;
    private final ShardWriter writer;
    private final Jdbi target;
    private final TaskLedger ledger;
    private final String workerName;

    public ShardMigration(ShardReader reader, ShardWriter writer, Jdbi target, TaskLedger ledger, String workerName) {
        this.reader = reader;
        this.writer = writer;
        this.target = target;
        this.ledger = ledger;
        this.workerName = workerName;
    }

    /** Runs the shard, paced after the fact per shard until the reader and writer pace per chunk. */
    @Override
    public TaskOutcome run(TaskMessage task, io.migration.worker.resilience.Pacer sourcePacer,
            io.migration.worker.resilience.Pacer targetPacer) throws SQLException, AlreadySucceededException {
        TaskOutcome outcome = run(task);
        try {
            for (long left = outcome.rowsRead(); left > 0; left -= 1_000) {
                sourcePacer.acquire((int) Math.min(1_000, left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    public TaskOutcome run(TaskMessage task) throws SQLException {
        long started = System.nanoTime();
        TaskKey key = new TaskKey(task.runId(), task.companyId(), task.group(), task.shard());
        return switch (task.group()) {
            case LISTS -> {
                Read<List<SourceList>> read = reader.readLists(task);
                ListResult result = ListTransform.transform(task.companyId(), read.input());
                yield commit(key, started, read.rowsByTable(), result.rejects().size(),
                        conn -> writer.writeLists(conn, task, result));
            }
            case SUPPRESSIONS -> {
                Read<List<SourceSuppression>> read = reader.readSuppressions(task);
                SuppressionResult result = SuppressionTransform.transform(task.companyId(), read.input());
                yield commit(key, started, read.rowsByTable(), result.rejects().size(),
                        conn -> writer.writeSuppressions(conn, task, result,
                                RejectBuckets.forSuppressions(read.input())));
            }
            case RECIPIENTS -> {
                Read<RecipientShardInput> read = reader.readRecipients(task);
                RecipientShardResult result = RecipientTransform.transform(read.input());
                yield commit(key, started, read.rowsByTable(), result.rejects().size(),
                        conn -> writer.writeRecipients(conn, task, result, RejectBuckets.forRecipients(read.input())));
            }
            // Dry runs only (refused as unsupported_mode before this point until the worker runs them).
            case ORPHANS -> throw new IllegalStateException("orphans tasks are not migrated");
        };
    }

    @FunctionalInterface
    private interface Write {
        Map<String, Long> apply(java.sql.Connection conn) throws SQLException;
    }

    private TaskOutcome commit(TaskKey key, long started, Map<String, Long> read, long rejected, Write write)
            throws SQLException {
        return target.<TaskOutcome, SQLException>inTransaction(h -> {
            Map<String, Long> written = write.apply(h.getConnection());
            TaskOutcome outcome = new TaskOutcome(read, written, rejected, (System.nanoTime() - started) / 1_000_000);
            ledger.markSucceeded(h, key, workerName, outcome);
            return outcome;
        });
    }
}
