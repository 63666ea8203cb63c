package io.migration.worker.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClass;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Runs one short database step of a delivery (claim, company check, a ledger record) so that an
 * outage never costs the delivery: transient errors are retried with backoff while the
 * database's breaker stays closed, and while it is open the step waits (the delivery is held)
 * until the gate opens again, for at most {@code maxHold}.
 */
final class ResilientSteps {

    private final Breakers breakers;
    private final FleetGate gate;
    private final Retry retry;
    private final WorkerMetrics metrics;
    private final Duration maxHold;

    ResilientSteps(Breakers breakers, FleetGate gate, Retry retry, WorkerMetrics metrics, Duration maxHold) {
        this.breakers = breakers;
        this.gate = gate;
        this.retry = retry;
        this.metrics = metrics;
        this.maxHold = maxHold;
    }

    /**
     * The step's result. Its own (non-transient) errors are rethrown as they are; a {@link
     * GaveUpException} says the delivery should be handed back.
     */
    <T> T call(Database db, Callable<T> step) throws Exception {
        while (true) {
            if (!gate.awaitOpen(maxHold)) {
                throw new GaveUpException(
                        gate.isStopping()
                                ? "the worker is stopping"
                                : "held " + maxHold.toSeconds() + " s while " + gate.closedReason());
            }
            try {
                return retry.executeCallable(() -> breakers.call(db, step));
            } catch (CallNotPermittedException e) {
                continue;
            } catch (Exception e) {
                ErrorClass error = ErrorClassifier.classify(e);
                if (!error.isTransient()) {
                    throw e;
                }
                metrics.transientError(error.database(), error.transientKind().orElseThrow());
                if (!breakers.isOpen(error.database())) {
                    throw new GaveUpException(error.summary());
                }
            }
        }
    }
}
