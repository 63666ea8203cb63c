package io.migration.worker.delivery;

import io.migration.common.ledger.TaskKey;
import io.migration.common.ledger.TaskLifecycle;
import io.migration.common.message.TaskMessage;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClass;
import io.migration.worker.resilience.ErrorClassifier;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ends of a delivery, each in the order that loses nothing: a dead letter is published and
 * confirmed before the ledger calls the task dead, and acknowledged only after both; a hand-back
 * publishes a confirmed copy before acknowledging. When the broker connection is gone, nothing
 * is settled and the broker redelivers: the ledger makes that copy a duplicate or a retry.
 */
final class Settlement {

    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);
    private static final int PUBLISH_TRIES = 3;

    private final TaskLifecycle lifecycle;
    private final ResilientSteps steps;
    private final WorkerMetrics metrics;
    private final String worker;

    Settlement(TaskLifecycle lifecycle, ResilientSteps steps, WorkerMetrics metrics, String worker) {
        this.lifecycle = lifecycle;
        this.steps = steps;
        this.metrics = metrics;
        this.worker = worker;
    }

    void ack(Delivery delivery, TaskMessage task, Outcome outcome, String summary) {
        try {
            delivery.ack();
            LOG.info(summary);
        } catch (IOException e) {
            LOG.warn(
                    "{}, but the acknowledgement failed ({}): the broker redelivers it and the ledger"
                            + " ignores the copy",
                    summary,
                    e.getMessage());
        }
        metrics.task(task.mode().wireName(), task.group().wireName(), outcome);
    }

    /** Back to the queue, no attempt counted; {@code claimed} is null when there is no claim to end. */
    void handBack(Delivery delivery, TaskMessage task, TaskKey claimed, String reason) {
        if (claimed != null) {
            try {
                lifecycle.recordHandBack(claimed, worker, "handed back: " + reason);
            } catch (RuntimeException e) {
                LOG.debug("hand-back of {} not recorded: {}", task.taskKey(), e.getMessage());
            }
        }
        try {
            delivery.handBack();
            LOG.info(
                    "task {} of run {} handed back to the queue (no attempt counted): {}",
                    task.taskKey(),
                    task.runId(),
                    reason);
        } catch (IOException e) {
            LOG.warn("could not hand task {} back ({}): the broker redelivers it", task.taskKey(), e.getMessage());
        }
        metrics.task(task.mode().wireName(), task.group().wireName(), Outcome.HANDED_BACK);
    }

    /**
     * Records the task's own failure; returns its attempts so far, or -1 when the ledger could not
     * be reached (the delivery was then handed back).
     */
    int failedAttempt(Delivery delivery, TaskMessage task, TaskKey key, ErrorClass error, int attemptsBefore)
            throws InterruptedException {
        int attempts;
        try {
            attempts = steps.call(Database.TARGET, () -> lifecycle.recordFailure(key, worker, error.summary()));
        } catch (GaveUpException e) {
            handBack(delivery, task, key, e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            attempts = attemptsBefore + 1;
        }
        LOG.warn("task {} of run {} failed (attempt {}): {}", task.taskKey(), task.runId(), attempts, error.summary());
        metrics.task(task.mode().wireName(), task.group().wireName(), Outcome.FAILED_ATTEMPT);
        return attempts;
    }

    /**
     * Publishes the dead letter (confirmed), records the task dead when there is a claim, then
     * acknowledges. A publish that keeps failing leaves the delivery unsettled: the broker keeps it.
     */
    void deadLetter(
            Delivery delivery,
            TaskMessage task,
            TaskKey claimed,
            String reason,
            String errorClass,
            String error,
            int attempts)
            throws InterruptedException {
        if (!publish(delivery, task, reason, errorClass, error, attempts)) {
            return;
        }
        if (claimed != null) {
            try {
                steps.call(Database.TARGET, () -> {
                    lifecycle.recordDead(claimed, worker, reason + ": " + error);
                    return null;
                });
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.error(
                        "task {} of run {} is in the dead-letter queue but the ledger could not record it ({});"
                                + " `producer status` counts it as waiting until `producer dlq replay` or purge",
                        task.taskKey(),
                        task.runId(),
                        ErrorClassifier.classify(e).summary());
            }
        }
        String what = task == null ? "an invalid message" : "task " + task.taskKey() + " of run " + task.runId();
        try {
            delivery.ack();
            LOG.warn("dead-lettered {}: {}: {}", what, reason, error);
        } catch (IOException e) {
            LOG.warn(
                    "dead-lettered {} but the acknowledgement failed ({}): a copy may come back and be ignored",
                    what,
                    e.getMessage());
        }
        if (task != null) {
            metrics.task(task.mode().wireName(), task.group().wireName(), Outcome.DEAD_LETTERED);
        }
    }

    private boolean publish(
            Delivery delivery, TaskMessage task, String reason, String errorClass, String error, int attempts)
            throws InterruptedException {
        for (int i = 1; ; i++) {
            try {
                delivery.publishDeadLetter(DeadLetters.headers(task, reason, errorClass, error, attempts, worker));
                return true;
            } catch (IOException e) {
                if (i == PUBLISH_TRIES) {
                    LOG.error(
                            "could not dead-letter {} ({}): it goes back to the work queue",
                            task == null ? "an invalid message" : task.taskKey(),
                            e.getMessage());
                    try {
                        delivery.requeue();
                    } catch (IOException ignored) {
                        LOG.debug("requeue failed too: the broker redelivers it when the channel closes");
                    }
                    return false;
                }
                Thread.sleep(500L * i);
            }
        }
    }
}
