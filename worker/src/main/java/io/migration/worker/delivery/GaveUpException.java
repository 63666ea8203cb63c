package io.migration.worker.delivery;

/**
 * A step could not be done now and the delivery goes back to the queue without counting an
 * attempt: the worker is stopping, a breaker stayed open longer than a delivery may be held, or
 * transient errors outlasted the retries while the breaker stayed closed.
 */
final class GaveUpException extends Exception {

    GaveUpException(String reason) {
        super(reason, null, false, false);
    }
}
