package io.migration.worker.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalFunction;
import io.migration.common.ledger.Claim;
import io.migration.common.ledger.TaskOutcome;
import io.migration.common.message.InvalidMessageException;
import io.migration.common.message.TaskMessage;
import io.migration.worker.delivery.Verdict.Ack;
import io.migration.worker.delivery.Verdict.DeadLetter;
import io.migration.worker.delivery.Verdict.HandBack;
import io.migration.worker.delivery.Verdict.RetryAfter;
import io.migration.worker.metrics.WorkerMetrics.Outcome;
import io.migration.worker.pace.PausedException;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClass;
import io.migration.worker.resilience.ErrorClassifier;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What becomes of a delivery, decided from what is known of it: the message, the ledger's claim,
 * the gate, how a try ended and the attempts so far. Pure: {@link Settlement} does what it says.
 */
public final class DeliveryDecision {

    /** The bounds a delivery lives by (worker.yml, consumer section). */
    public record Limits(int maxAttempts, Duration maxHold, IntervalFunction attemptBackoff) {

        public static Limits of(int maxAttempts, Duration maxHold, Duration retryBackoff, Duration maxRetryBackoff) {
            return new Limits(
                    maxAttempts,
                    maxHold,
                    IntervalFunction.ofExponentialRandomBackoff(retryBackoff, 2.0, 0.5, maxRetryBackoff));
        }
    }

    /** How a try that did not succeed ended. */
    public sealed interface Failure {

        /** The gate shut under it: the fleet was paused, or a breaker refused the call. */
        record Shut() implements Failure {}

        /** An error that passes by itself (an outage, a deadlock); no attempt counted. */
        record Transient(ErrorClass error, boolean breakerOpen) implements Failure {}

        /** The task's own failure (bad data, a bug, a statement its database cannot finish): counted. */
        record Own(ErrorClass error) implements Failure {}
    }

    private DeliveryDecision() {}

    public static Verdict invalidMessage(InvalidMessageException e) {
        return DeadLetter.ofMessage(e.reason().code(), e.getMessage());
    }

    /**
     * The ledger's answer to a claim; empty when the task is granted (run it). {@code
     * companyExists} matters only when the ledger has no such task: it says which is wrong.
     */
    public static Optional<Verdict> ofClaim(Claim claim, TaskMessage message, boolean companyExists) {
        String task = "task " + message.taskKey() + " of run " + message.runId();
        if (claim instanceof Claim.Granted) {
            return Optional.empty();
        } else if (claim instanceof Claim.NoSuchTask) {
            return Optional.of(
                    companyExists
                            ? DeadLetter.ofMessage(
                                    "unknown_task",
                                    "run " + message.runId() + " has no task " + message.taskKey()
                                            + " (messages come from `producer enqueue`)")
                            : unknownCompany(message));
        } else if (claim instanceof Claim.Mismatch mismatch) {
            return Optional.of(DeadLetter.ofMessage("invalid_shard", mismatch.detail()));
        } else if (claim instanceof Claim.AlreadySucceeded) {
            return Optional.of(new Ack(Outcome.DUPLICATE, task + " already succeeded; duplicate ignored"));
        } else if (claim instanceof Claim.AlreadyDead) {
            return Optional.of(new Ack(
                    Outcome.DUPLICATE,
                    task + " is already dead-lettered; copy ignored (revive it with `producer dlq replay`)"));
        } else if (claim instanceof Claim.CrashLoop loop) {
            return Optional.of(new DeadLetter(
                    "crash_loop",
                    "crash",
                    "claimed " + loop.unfinished()
                            + " times in a row and never finished: each worker that took it died (out of"
                            + " memory? see the workers' logs; raise the heap or lower --shard-rows)",
                    0));
        }
        throw new IllegalArgumentException("unknown claim " + claim);
    }

    public static DeadLetter unknownCompany(TaskMessage message) {
        return DeadLetter.ofMessage(
                "unknown_company", "company " + message.companyId() + " does not exist in the source");
    }

    public static DeadLetter unsupportedMode(TaskMessage task) {
        return DeadLetter.ofMessage(
                "unsupported_mode",
                "mode " + task.mode().wireName() + " has nothing to do for task group "
                        + task.group().wireName() + " in this worker version");
    }

    public static Ack succeeded(TaskMessage task, TaskOutcome outcome) {
        return new Ack(
                Outcome.SUCCEEDED,
                String.format(
                        "task %s of run %s: read %d, wrote %d, rejected %d in %d ms",
                        task.taskKey(),
                        task.runId(),
                        outcome.rowsRead(),
                        outcome.rowsWritten(),
                        outcome.rejected(),
                        outcome.durationMillis()));
    }

    /**
     * The gate after waiting on it for at most {@code maxHold}: empty when it opened; else the
     * delivery goes back (held too long, or the worker is stopping).
     */
    public static Optional<Verdict> ofGate(boolean open, boolean stopping, String closedReason, Duration maxHold) {
        if (open) {
            return Optional.empty();
        }
        return Optional.of(new HandBack(
                stopping ? "the worker is stopping" : "held " + maxHold.toSeconds() + " s while " + closedReason));
    }

    /** How a try ended that threw {@code error}; {@code breakerOpen} says which breakers are open now. */
    public static Failure failure(Throwable error, Predicate<Database> breakerOpen) {
        if (error instanceof PausedException || error instanceof CallNotPermittedException) {
            return new Failure.Shut();
        }
        ErrorClass kind = ErrorClassifier.classify(error);
        return kind.isTransient()
                ? new Failure.Transient(kind, breakerOpen.test(kind.database()))
                : new Failure.Own(kind);
    }

    /**
     * After a failed try: wait on the gate while it is shut or the breaker the error fed is open;
     * hand back a transient error the breaker shrugged off (no attempt counted); the task's own
     * failure is retried with backoff until {@code attempts} (counted, this one included) reach
     * the limit, then dead-lettered.
     */
    public static Verdict afterFailure(Failure failure, int attempts, Limits limits) {
        if (failure instanceof Failure.Own own) {
            ErrorClass error = own.error();
            return attempts >= limits.maxAttempts()
                    ? new DeadLetter("failed", error.errorClass(), error.summary(), attempts)
                    : new RetryAfter(Duration.ofMillis(limits.attemptBackoff().apply(attempts)));
        }
        return afterOutage(failure);
    }

    /** After a try that failed through no fault of the task: wait on the gate, or hand back. */
    public static Verdict afterOutage(Failure failure) {
        if (failure instanceof Failure.Shut) {
            return RetryAfter.GATE;
        } else if (failure instanceof Failure.Transient t) {
            return t.breakerOpen() ? RetryAfter.GATE : new HandBack(t.error().summary());
        }
        throw new IllegalArgumentException("the task's own failure counts an attempt: " + failure);
    }
}
