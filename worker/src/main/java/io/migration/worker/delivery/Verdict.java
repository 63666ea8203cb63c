package io.migration.worker.delivery;

import io.migration.worker.metrics.WorkerMetrics.Outcome;
import java.time.Duration;

/** What becomes of a delivery, as {@link DeliveryDecision} decides it and {@link Settlement} carries it out. */
public sealed interface Verdict {

    /** Done (succeeded, or a duplicate of a finished task): the broker forgets the message. */
    record Ack(Outcome outcome, String summary) implements Verdict {}

    /** Back to the queue, no attempt counted (an outage, a pause held too long, a stop). */
    record HandBack(String reason) implements Verdict {}

    /** Try again after {@code delay} (zero: as soon as the gate opens), unless the worker is stopping. */
    record RetryAfter(Duration delay) implements Verdict {

        static final RetryAfter GATE = new RetryAfter(Duration.ZERO);
    }

    /**
     * To the dead-letter queue with these headers.
     *
     * @param errorClass the SQLSTATE class, {@code java}, {@code message} or {@code crash}
     */
    record DeadLetter(String reason, String errorClass, String error, int attempts) implements Verdict {

        static DeadLetter ofMessage(String reason, String error) {
            return new DeadLetter(reason, "message", error, 0);
        }
    }
}
