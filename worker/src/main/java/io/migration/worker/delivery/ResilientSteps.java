package io.migration.worker.delivery;

import io.migration.worker.delivery.DeliveryDecision.Failure;
import io.migration.worker.delivery.Verdict.HandBack;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.Guards;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Runs one short database step of a delivery (claim, company check, a ledger record) so that an
 * outage never costs the delivery: transient errors are retried with backoff while the
 * database's breaker stays closed, and while it is open the step waits (the delivery is held)
 * until the gate opens again, for at most {@code maxHold}. {@link DeliveryDecision} decides.
 */
final class ResilientSteps {

    private final Guards guards;
    private final FleetGate gate;
    private final WorkerMetrics metrics;
    private final Duration maxHold;

    ResilientSteps(Guards guards, FleetGate gate, WorkerMetrics metrics, Duration maxHold) {
        this.guards = guards;
        this.gate = gate;
        this.metrics = metrics;
        this.maxHold = maxHold;
    }

    /**
     * Waits for the gate to open; a {@link GaveUpException} says the delivery goes back (held too
     * long, or the worker is stopping).
     */
    void awaitGate() throws InterruptedException, GaveUpException {
        boolean open = gate.awaitOpen(maxHold);
        if (DeliveryDecision.ofGate(open, gate.isStopping(), gate.closedReason(), maxHold)
                        .orElse(null)
                instanceof HandBack back) {
            throw new GaveUpException(back.reason());
        }
    }

    /** Counts a transient error the delivery saw, as it happens. */
    void sawTransient(Failure failure) {
        if (failure instanceof Failure.Transient t) {
            metrics.transientError(
                    t.error().database(), t.error().transientKind().orElseThrow());
        }
    }

    /**
     * The step's result. Its own (non-transient) errors are rethrown as they are; a {@link
     * GaveUpException} says the delivery should be handed back.
     */
    <T> T call(Database db, Callable<T> step) throws Exception {
        while (true) {
            awaitGate();
            try {
                return guards.step(db, step);
            } catch (Exception e) {
                Failure failure = DeliveryDecision.failure(e, guards.breakers()::isOpen);
                if (failure instanceof Failure.Own) {
                    throw e;
                }
                sawTransient(failure);
                if (DeliveryDecision.afterOutage(failure) instanceof HandBack back) {
                    throw new GaveUpException(back.reason());
                }
            }
        }
    }
}
