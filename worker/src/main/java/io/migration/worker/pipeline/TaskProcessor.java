package io.migration.worker.pipeline;

import io.github.resilience4j.retry.Retry;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.message.InvalidMessageException;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import io.migration.worker.resilience.Pacer;
import io.migration.worker.resilience.TransientErrors;
import io.migration.worker.source.ShardReader;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what becomes of one delivery: validate it, run the shard (transient failures retried
 * with backoff), and choose between acknowledging, requeueing and dead-lettering. It never
 * throws: whatever happens, the delivery gets a {@link Disposition}.
 */
public final class TaskProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(TaskProcessor.class);

    private final ShardReader reader;
    private final ShardMigration migration;
    private final TaskLedger ledger;
    private final Retry retry;
    private final int maxAttempts;
    private final String workerName;

    public TaskProcessor(ShardReader reader, ShardMigration migration, TaskLedger ledger, Retry retry,
            int maxAttempts, String workerName) {
        this.reader = reader;
        this.migration = migration;
        this.ledger = ledger;
        this.retry = retry;
        this.maxAttempts = maxAttempts;
        this.workerName = workerName;
    }

    public Disposition process(byte[] body) {
        TaskMessage task;
        try {
            task = TaskMessageCodec.decode(body);
        } catch (InvalidMessageException e) {
            LOG.warn("dead-lettering an invalid message: {}", e.getMessage());
            return new Disposition.DeadLetter(e.reason().code(), e.getMessage(), null, null, null, 0);
        }
        try {
            return process(task);
        } catch (RuntimeException e) {
            // The ledger or the source could not even be asked: the message goes back and waits.
            LOG.warn("task {} of run {}: {}; requeued", task.taskKey(), task.runId(), TransientErrors.describe(e));
            return new Disposition.Requeue(TransientErrors.describe(e));
        }
    }

    private Disposition process(TaskMessage task) {
        TaskKey key = new TaskKey(task.runId(), task.companyId(), task.group(), task.shard());
        if (task.mode() != RunMode.MIGRATE) {
            return dead(task, key, "unsupported_mode", "mode " + task.mode().wireName()
                    + " is not implemented by this worker version", 0);
        }
        if (!retry.executeSupplier(() -> companyExists(task.companyId()))) {
            return dead(task, key, InvalidMessageException.Reason.UNKNOWN_COMPANY.code(),
                    "company " + task.companyId() + " does not exist in the source", 0);
        }
        Optional<String> state = retry.executeSupplier(() -> ledger.state(key));
        if (state.isEmpty()) {
            return dead(task, key, "unknown_task", "run " + task.runId() + " has no task " + task.taskKey()
                    + " (messages come from `producer enqueue`)", 0);
        }
        if (state.get().equals("succeeded")) {
            return new Disposition.Ack("task " + task.taskKey() + " already succeeded; duplicate ignored");
        }
        OptionalInt attempt = retry.executeSupplier(() -> ledger.markRunning(key, workerName));
        if (attempt.isEmpty()) {
            return new Disposition.Ack("task " + task.taskKey() + " succeeded meanwhile; duplicate ignored");
        }
        try {
            TaskOutcome outcome = retry.executeCallable(() -> migration.run(task, Pacer.UNLIMITED, Pacer.UNLIMITED));
            return new Disposition.Ack(String.format("task %s of run %s: read %d, wrote %d, rejected %d in %d ms",
                    task.taskKey(), task.runId(), outcome.rowsRead(), outcome.rowsWritten(), outcome.rejected(),
                    outcome.durationMillis()));
        } catch (AlreadySucceededException e) {
            return new Disposition.Ack(e.getMessage());
        } catch (Exception e) {
            String error = TransientErrors.describe(e);
            if (attempt.getAsInt() >= maxAttempts) {
                LOG.error("task {} of run {} failed on attempt {} of {}: {}; dead-lettered", task.taskKey(),
                        task.runId(), attempt.getAsInt(), maxAttempts, error, e);
                return dead(task, key, "failed", error, attempt.getAsInt());
            }
            LOG.warn("task {} of run {} failed on attempt {} of {}: {}; requeued", task.taskKey(), task.runId(),
                    attempt.getAsInt(), maxAttempts, error);
            ledger.markFailed(key, workerName, false, error);
            return new Disposition.Requeue(error);
        }
    }

    private boolean companyExists(long companyId) {
        try {
            return reader.companyExists(companyId);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Disposition dead(TaskMessage task, TaskKey key, String reason, String error, int attempts) {
        LOG.warn("dead-lettering task {} of run {}: {}", task.taskKey(), task.runId(), error);
        try {
            ledger.markFailed(key, workerName, true, reason + ": " + error);
        } catch (RuntimeException e) {
            LOG.warn("could not record task {} as dead: {}", task.taskKey(), TransientErrors.describe(e));
        }
        return new Disposition.DeadLetter(reason, error, task.runId(), task.companyId(), task.taskKey(), attempts);
    }
}
