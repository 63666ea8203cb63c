package io.migration.worker.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.migration.common.ledger.Claim;
import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLifecycle;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.message.InvalidMessageException;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import io.migration.worker.control.InFlightShards;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.pace.Pacer;
import io.migration.worker.pace.PausedException;
import io.migration.worker.pipeline.AlreadySucceededException;
import io.migration.worker.pipeline.ModeRunners;
import io.migration.worker.pipeline.ShardRunner;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClass;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.FleetPace;
import io.migration.worker.resilience.StatementTimeouts;
import io.migration.worker.source.ShardReader;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of one delivery, decided in one place: decode it, claim its task in the ledger
 * (range and counters from the ledger), run the shard, and settle: acknowledge, hand back (an
 * outage, a pause, a stop: no attempt counted), retry after the task's own failure with backoff,
 * or dead-letter (publish confirmed, then the ledger records it, then the acknowledgement). It
 * runs on the worker's own threads and settles every delivery itself.
 */
public final class DeliveryHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryHandler.class);

    /** The bounds a delivery lives by (worker.yml, consumer section). */
    public record Settings(
            String workerName,
            int maxAttempts,
            int crashLimit,
            Duration retryBackoff,
            Duration maxRetryBackoff,
            Duration maxHold) {}

    private final Settings settings;
    private final TaskLifecycle lifecycle;
    private final ModeRunners runners;
    private final ShardReader reader;
    private final Breakers breakers;
    private final FleetGate gate;
    private final FleetPace pace;
    private final InFlightShards inFlight;
    private final WorkerMetrics metrics;
    private final Retry retry;
    private final StatementTimeouts timeouts;
    private final ResilientSteps steps;
    private final IntervalFunction attemptBackoff;
    private final Settlement settle;

    public DeliveryHandler(
            Settings settings,
            TaskLifecycle lifecycle,
            ModeRunners runners,
            ShardReader reader,
            Breakers breakers,
            FleetGate gate,
            FleetPace pace,
            InFlightShards inFlight,
            WorkerMetrics metrics,
            Retry retry,
            StatementTimeouts timeouts) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.runners = runners;
        this.reader = reader;
        this.breakers = breakers;
        this.gate = gate;
        this.pace = pace;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.retry = retry;
        this.timeouts = timeouts;
        this.steps = new ResilientSteps(breakers, gate, retry, metrics, settings.maxHold());
        this.attemptBackoff = IntervalFunction.ofExponentialRandomBackoff(
                settings.retryBackoff(), 2.0, 0.5, settings.maxRetryBackoff());
        this.settle = new Settlement(lifecycle, steps, metrics, settings.workerName());
    }

    public void handle(Delivery delivery) throws InterruptedException {
        TaskMessage message;
        try {
            message = TaskMessageCodec.decode(delivery.body());
        } catch (InvalidMessageException e) {
            LOG.warn("dead-lettering an invalid message: {}", e.getMessage());
            settle.deadLetter(delivery, null, null, e.reason().code(), "message", e.getMessage(), 0);
            metrics.task("unknown", "unknown", Outcome.INVALID);
            return;
        }
        Claim claim;
        try {
            claim = steps.call(
                    Database.TARGET, () -> lifecycle.claim(message, settings.workerName(), settings.crashLimit()));
        } catch (GaveUpException e) {
            settle.handBack(delivery, message, null, e.getMessage());
            return;
        } catch (Exception e) {
            // The ledger refuses the claim itself (e.g. no control tables): try again later, elsewhere.
            LOG.error(
                    "cannot claim task {} of run {}: {}",
                    message.taskKey(),
                    message.runId(),
                    ErrorClassifier.classify(e).summary());
            gate.pause(settings.retryBackoff());
            settle.handBack(delivery, message, null, "claim failed");
            return;
        }
        if (claim instanceof Claim.Granted granted) {
            run(delivery, granted);
        } else if (claim instanceof Claim.NoSuchTask) {
            noSuchTask(delivery, message);
        } else if (claim instanceof Claim.Mismatch mismatch) {
            invalid(delivery, message, "invalid_shard", mismatch.detail());
        } else if (claim instanceof Claim.AlreadySucceeded) {
            settle.ack(
                    delivery,
                    message,
                    Outcome.DUPLICATE,
                    "task " + message.taskKey() + " of run " + message.runId()
                            + " already succeeded; duplicate ignored");
        } else if (claim instanceof Claim.AlreadyDead) {
            settle.ack(
                    delivery,
                    message,
                    Outcome.DUPLICATE,
                    "task " + message.taskKey() + " of run " + message.runId()
                            + " is already dead-lettered; copy ignored (revive it with `producer dlq replay`)");
        } else if (claim instanceof Claim.CrashLoop loop) {
            settle.deadLetter(
                    delivery,
                    message,
                    TaskLifecycle.key(message),
                    "crash_loop",
                    "crash",
                    "claimed "
                            + loop.unfinished()
                            + " times in a row and never finished: each worker that took it died (out of"
                            + " memory? see the workers' logs; raise the heap or lower --shard-rows)",
                    0);
        }
    }

    /** Says which is wrong: a company the source does not have, or a task no run planned. */
    private void noSuchTask(Delivery delivery, TaskMessage message) throws InterruptedException {
        boolean companyExists;
        try {
            companyExists = steps.call(Database.SOURCE, () -> reader.companyExists(message.companyId()));
        } catch (GaveUpException e) {
            settle.handBack(delivery, message, null, e.getMessage());
            return;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            companyExists = true;
        }
        if (!companyExists) {
            invalid(
                    delivery,
                    message,
                    "unknown_company",
                    "company " + message.companyId() + " does not exist in the source");
        } else {
            invalid(
                    delivery,
                    message,
                    "unknown_task",
                    "run " + message.runId() + " has no task " + message.taskKey()
                            + " (messages come from `producer enqueue`)");
        }
    }

    private void invalid(Delivery delivery, TaskMessage message, String reason, String error)
            throws InterruptedException {
        LOG.warn("dead-lettering task {} of run {}: {}", message.taskKey(), message.runId(), error);
        settle.deadLetter(delivery, message, null, reason, "message", error, 0);
    }

    private void run(Delivery delivery, Claim.Granted granted) throws InterruptedException {
        TaskMessage task = granted.task().toMessage(granted.mode());
        TaskKey key = granted.task().key();
        ShardRunner runner = runners.forTask(granted.mode(), task.group()).orElse(null);
        if (runner == null) {
            settle.deadLetter(
                    delivery,
                    task,
                    key,
                    "unsupported_mode",
                    "message",
                    "mode " + task.mode().wireName() + " has nothing to do for task group "
                            + task.group().wireName() + " in this worker version",
                    0);
            return;
        }
        int attempts = granted.attempts();
        boolean companyChecked = !ModeRunners.belongsToACompany(task.group());
        long started = System.nanoTime();
        while (true) {
            if (!gate.awaitOpen(settings.maxHold())) {
                settle.handBack(
                        delivery,
                        task,
                        key,
                        gate.isStopping() ? "the worker is stopping" : "held too long while " + gate.closedReason());
                return;
            }
            try {
                if (!companyChecked) {
                    if (!breakers.call(Database.SOURCE, () -> reader.companyExists(task.companyId()))) {
                        settle.deadLetter(
                                delivery,
                                task,
                                key,
                                "unknown_company",
                                "message",
                                "company " + task.companyId() + " does not exist in the source",
                                0);
                        return;
                    }
                    companyChecked = true;
                }
                TaskOutcome outcome = runOnce(runner, task, key);
                metrics.shardDone(
                        task.mode().wireName(),
                        task.group().wireName(),
                        Duration.ofNanos(System.nanoTime() - started),
                        outcome.readByTable(),
                        outcome.writtenByTable(),
                        outcome.rejectedByTableAndReason());
                settle.ack(
                        delivery,
                        task,
                        Outcome.SUCCEEDED,
                        String.format(
                                "task %s of run %s: read %d, wrote %d, rejected %d in %d ms",
                                task.taskKey(),
                                task.runId(),
                                outcome.rowsRead(),
                                outcome.rowsWritten(),
                                outcome.rejected(),
                                outcome.durationMillis()));
                return;
            } catch (AlreadySucceededException e) {
                settle.ack(delivery, task, Outcome.DUPLICATE, e.getMessage());
                return;
            } catch (PausedException | CallNotPermittedException e) {
                // The gate is shut now (paused, or a breaker opened): wait at the top of the loop.
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable e) {
                ErrorClass error = ErrorClassifier.classify(e);
                if (error.isTransient()) {
                    metrics.transientError(
                            error.database(), error.transientKind().orElseThrow());
                    if (!breakers.isOpen(error.database())) {
                        settle.handBack(delivery, task, key, error.summary());
                        return;
                    }
                    continue;
                }
                attempts = settle.failedAttempt(delivery, task, key, error, attempts);
                if (attempts < 0) {
                    return;
                }
                if (attempts >= settings.maxAttempts()) {
                    settle.deadLetter(delivery, task, key, "failed", error.errorClass(), error.summary(), attempts);
                    return;
                }
                if (!gate.pause(Duration.ofMillis(attemptBackoff.apply(attempts)))) {
                    settle.handBack(delivery, task, key, "the worker is stopping");
                    return;
                }
            }
        }
    }

    /**
     * One try of the shard through both breakers, transient errors retried while they stay closed;
     * a statement timeout while its database answers is judged the shard's own before either sees it.
     */
    private TaskOutcome runOnce(ShardRunner runner, TaskMessage task, TaskKey key) throws Exception {
        Pacer sourcePacer = inFlight.start(key, pace.source());
        try {
            return retry.executeCallable(() ->
                    breakers.callBoth(() -> timeouts.judge(() -> runner.run(task, sourcePacer, pace.target()))));
        } finally {
            inFlight.end(key);
        }
    }
}
