package io.migration.worker.delivery;

import io.migration.common.ledger.TaskKey;
import io.migration.common.message.TaskMessage;
import io.migration.worker.delivery.Verdict.Ack;
import io.migration.worker.delivery.Verdict.DeadLetter;
import io.migration.worker.delivery.Verdict.HandBack;
import io.migration.worker.delivery.Verdict.RetryAfter;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClass;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link Verdict}, each end in the order that loses nothing: a dead letter is
 * published and confirmed before the ledger calls the task dead, and acknowledged only after both;
 * a hand-back publishes a confirmed copy before acknowledging. When the broker connection is gone,
 * nothing is settled and the broker redelivers: the ledger makes that copy a duplicate or a retry.
 */
final class Settlement {

    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);
    private static final int PUBLISH_TRIES = 3;

    private final TaskRecords records;
    private final ResilientSteps steps;
    private final FleetGate gate;
    private final WorkerMetrics metrics;
    private final String worker;

    Settlement(TaskRecords records, ResilientSteps steps, FleetGate gate, WorkerMetrics metrics, String worker) {
        this.records = records;
        this.steps = steps;
        this.gate = gate;
        this.metrics = metrics;
        this.worker = worker;
    }

    /**
     * Does what {@code verdict} says with {@code delivery}; true when it is to be tried again (a
     * {@link RetryAfter} waited out). {@code task} is null for a message that does not parse,
     * {@code claimed} when there is no claim to end.
     */
    boolean settle(Delivery delivery, TaskMessage task, TaskKey claimed, Verdict verdict) throws InterruptedException {
        if (verdict instanceof Ack ack) {
            ack(delivery, task, ack);
        } else if (verdict instanceof HandBack back) {
            handBack(delivery, task, claimed, back.reason());
        } else if (verdict instanceof DeadLetter dead) {
            deadLetter(delivery, task, claimed, dead);
        } else if (verdict instanceof RetryAfter retry) {
            if (gate.pause(retry.delay())) {
                return true;
            }
            handBack(delivery, task, claimed, "the worker is stopping");
        }
        return false;
    }

    /**
     * Records the task's own failure and returns its attempts so far (one more than before when
     * the ledger refuses to say); a {@link GaveUpException} when the ledger could not be reached.
     */
    int countAttempt(TaskMessage task, TaskKey key, ErrorClass error, int attemptsBefore)
            throws InterruptedException, GaveUpException {
        int attempts;
        try {
            attempts = steps.call(Database.TARGET, () -> records.failure(key, worker, error.summary()));
        } catch (GaveUpException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            attempts = attemptsBefore + 1;
        }
        LOG.warn("task {} of run {} failed (attempt {}): {}", task.taskKey(), task.runId(), attempts, error.summary());
        metrics.task(task.mode().wireName(), task.group().wireName(), Outcome.FAILED_ATTEMPT);
        return attempts;
    }

    private void ack(Delivery delivery, TaskMessage task, Ack ack) {
        try {
            delivery.ack();
            LOG.info(ack.summary());
        } catch (IOException e) {
            LOG.warn(
                    "{}, but the acknowledgement failed ({}): the broker redelivers it and the ledger"
                            + " ignores the copy",
                    ack.summary(),
                    e.getMessage());
        }
        metrics.task(task.mode().wireName(), task.group().wireName(), ack.outcome());
    }

    private void handBack(Delivery delivery, TaskMessage task, TaskKey claimed, String reason) {
        if (claimed != null) {
            try {
                records.handBack(claimed, worker, "handed back: " + reason);
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

    /** A publish that keeps failing leaves the delivery unsettled: the broker keeps it. */
    private void deadLetter(Delivery delivery, TaskMessage task, TaskKey claimed, DeadLetter dead)
            throws InterruptedException {
        if (!publish(delivery, task, dead)) {
            return;
        }
        if (claimed != null) {
            try {
                steps.call(Database.TARGET, () -> {
                    records.dead(claimed, worker, dead.reason() + ": " + dead.error());
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
            LOG.warn("dead-lettered {}: {}: {}", what, dead.reason(), dead.error());
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

    private boolean publish(Delivery delivery, TaskMessage task, DeadLetter dead) throws InterruptedException {
        for (int i = 1; ; i++) {
            try {
                delivery.publishDeadLetter(DeadLetters.headers(
                        task, dead.reason(), dead.errorClass(), dead.error(), dead.attempts(), worker));
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
