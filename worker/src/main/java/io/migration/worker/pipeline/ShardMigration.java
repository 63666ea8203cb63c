package io.migration.worker.pipeline;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.checksum.CoveredRange;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.ledger.TaskState;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.common.shard.Buckets;
import io.migration.worker.pace.Pacer;
import io.migration.worker.source.ShardReader;
import io.migration.worker.source.SourceReadException;
import io.migration.worker.source.SourceSnapshot;
import io.migration.worker.write.ShardLocks;
import io.migration.worker.write.ShardLocks.GroupRange;
import io.migration.worker.write.ShardWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One attempt at one task in migrate mode, in one target transaction, in this order: take the
 * shard's range locks; lock the task's ledger row and stop if it already succeeded; only then read
 * the source (a snapshot younger than any copy that committed before); apply the rules; replace the
 * shard's rows and rejects; mark the task succeeded; commit. A redelivery that overlaps the first
 * copy therefore waits for it and then finds the task done, and two runs cut differently take turns
 * on every bucket they share. A shard larger than the worker's {@code maxRowsInMemory} is read and
 * written in parts, in the same snapshot and transaction.
 *
 * <p>Source failures come out as {@link SourceReadException}, target ones as plain
 * {@link SQLException}; a {@code PausedException} from a pacer passes through untouched. Either
 * way the transaction is rolled back.
 */
public final class ShardMigration implements ShardRunner {

    private final ShardReader reader;
    private final ShardWriter writer;
    private final Jdbi target;
    private final TaskLedger ledger;
    private final String workerName;
    private final long maxRowsInMemory;

    /**
     * @param maxRowsInMemory the most source rows one task holds at a time: a larger shard is read and
     *     written in parts of at most this many (estimated) rows, in the same transaction and snapshot
     */
    public ShardMigration(
            ShardReader reader,
            ShardWriter writer,
            Jdbi target,
            TaskLedger ledger,
            String workerName,
            long maxRowsInMemory) {
        if (maxRowsInMemory < 1) {
            throw new IllegalArgumentException("maxRowsInMemory must be positive: " + maxRowsInMemory);
        }
        this.reader = reader;
        this.writer = writer;
        this.target = target;
        this.ledger = ledger;
        this.workerName = workerName;
        this.maxRowsInMemory = maxRowsInMemory;
    }

    /** Parts a task of about {@code estimatedRows} source rows is read in. */
    int parts(long estimatedRows) {
        return (int) Math.max(1, Math.min(Buckets.COUNT, (estimatedRows + maxRowsInMemory - 1) / maxRowsInMemory));
    }

    /**
     * Runs {@code task} (its bucket range is the ledger's), pacing source reads and target writes.
     *
     * @throws AlreadySucceededException the task succeeded before (nothing was written)
     */
    @Override
    public TaskOutcome run(TaskMessage task, Pacer sourcePacer, Pacer targetPacer)
            throws SQLException, InterruptedException, AlreadySucceededException {
        return run(task, sourcePacer, targetPacer, KEEP);
    }

    /** The customer's test run: the same path, then rolled back, keeping the rejects apart. */
    public ShardRunner dryRun() {
        return (task, sourcePacer, targetPacer) -> run(task, sourcePacer, targetPacer, new DryRunRollback());
    }

    /**
     * A cutover's copy: the migrate path, and the source checksums of what it read, taken in the same
     * snapshot and recorded with the task, so the next pass re-copies exactly what changed since.
     */
    public ShardRunner catchUp() {
        return (task, sourcePacer, targetPacer) -> run(task, sourcePacer, targetPacer, KEEP, true);
    }

    /** What becomes of the shard's writes before its task is marked succeeded in the same transaction. */
    interface Ending {
        /** After the task's row is locked, before anything is read or written. */
        void begin(Handle h) throws SQLException;

        /** After every write, before the task is marked succeeded. */
        void end(Handle h, TaskMessage task) throws SQLException;
    }

    /** A migration keeps what it wrote. */
    private static final Ending KEEP = new Ending() {
        @Override
        public void begin(Handle h) {}

        @Override
        public void end(Handle h, TaskMessage task) {}
    };

    private TaskOutcome run(TaskMessage task, Pacer sourcePacer, Pacer targetPacer, Ending ending)
            throws SQLException, InterruptedException, AlreadySucceededException {
        return run(task, sourcePacer, targetPacer, ending, false);
    }

    private TaskOutcome run(
            TaskMessage task, Pacer sourcePacer, Pacer targetPacer, Ending ending, boolean recordChecksums)
            throws SQLException, InterruptedException, AlreadySucceededException {
        long started = System.nanoTime();
        TaskKey key = new TaskKey(task.runId(), task.companyId(), task.group(), task.shard());
        try (Handle h = target.open()) {
            h.begin();
            try {
                ShardLocks.lock(h.getConnection(), task.companyId(), ranges(task));
                Optional<TaskState> state = ledger.lockTask(h, key);
                if (state.isEmpty()) {
                    throw new IllegalStateException("run " + task.runId() + " has no task " + task.taskKey());
                }
                if (state.get() == TaskState.SUCCEEDED) {
                    throw new AlreadySucceededException(task);
                }
                ending.begin(h);
                int parts = parts(ledger.estimatedRows(h, key).orElse(0));
                ShardOutcome outcome;
                Map<String, Long> read;
                BucketChecksums checksums = null;
                try (SourceSnapshot source = reader.open(sourcePacer)) {
                    outcome = new ShardApplication(writer, h.getConnection(), task, targetPacer, parts).apply(source);
                    read = source.readByTable();
                    if (recordChecksums) {
                        checksums = source.checksums(
                                task.companyId(), CoveredRange.of(task.group(), task.bucketLo(), task.bucketHi()));
                    }
                }
                ending.end(h, task);
                long millis = (System.nanoTime() - started) / 1_000_000;
                TaskOutcome recorded = outcome.toTaskOutcome(read, millis);
                ledger.markSucceeded(h, key, workerName, recorded);
                if (checksums != null) {
                    ledger.recordSourceChecksums(h, key, checksums.toJson());
                }
                h.commit();
                return recorded;
            } catch (Throwable e) {
                rollbackQuietly(h, e);
                throw e;
            }
        }
    }

    /** The (group, range) pairs a task writes and locks: a company task covers its three groups whole. */
    public static List<GroupRange> ranges(TaskMessage task) {
        int all = Buckets.COUNT - 1;
        return switch (task.group()) {
            case LISTS -> List.of(new GroupRange(TaskGroup.LISTS, 0, all));
            case RECIPIENTS -> List.of(new GroupRange(TaskGroup.RECIPIENTS, task.bucketLo(), task.bucketHi()));
            case SUPPRESSIONS -> List.of(new GroupRange(TaskGroup.SUPPRESSIONS, task.bucketLo(), task.bucketHi()));
            case COMPANY ->
                List.of(
                        new GroupRange(TaskGroup.LISTS, 0, all),
                        new GroupRange(TaskGroup.RECIPIENTS, 0, all),
                        new GroupRange(TaskGroup.SUPPRESSIONS, 0, all));
            case ORPHANS -> throw new IllegalArgumentException("the rows of no company are counted, not written");
        };
    }

    private static void rollbackQuietly(Handle h, Throwable cause) {
        try {
            h.rollback();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
