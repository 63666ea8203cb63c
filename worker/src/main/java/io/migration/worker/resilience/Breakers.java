package io.migration.worker.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.migration.worker.config.BreakerFactory;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * One circuit breaker per database, fed only by transient errors ({@link ErrorClassifier}): a
 * constraint violation says nothing about the database's health. Breakers move from open to
 * half-open by themselves; a probe ({@link BreakerProbe}) then closes them. While one is not
 * closed the {@link FleetGate} stays shut and the worker consumes nothing.
 */
public final class Breakers {

    private final CircuitBreakerRegistry registry;
    private final Map<Database, CircuitBreaker> breakers = new EnumMap<>(Database.class);

    public Breakers(BreakerFactory settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.getWindow())
                .minimumNumberOfCalls(Math.min(settings.getMinimumCalls(), settings.getWindow()))
                .failureRateThreshold(settings.getFailureRateThreshold())
                .waitDurationInOpenState(settings.getOpenDuration())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                // A half-open breaker whose probe never comes (no caller) falls back to open.
                .maxWaitDurationInHalfOpenState(settings.getOpenDuration().multipliedBy(3))
                .recordException(t -> ErrorClassifier.classify(t).isTransient())
                .ignoreExceptions(PausedException.class, CallNotPermittedException.class)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        for (Database db : Database.values()) {
            breakers.put(db, registry.circuitBreaker(db.label()));
        }
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    public CircuitBreaker of(Database db) {
        return breakers.get(db);
    }

    public boolean allClosed() {
        return breakers.values().stream().allMatch(b -> b.getState() == CircuitBreaker.State.CLOSED);
    }

    public boolean isOpen(Database db) {
        return breakers.get(db).getState() != CircuitBreaker.State.CLOSED;
    }

    /** Runs one call against one database through its breaker. */
    public <T> T call(Database db, Callable<T> work) throws Exception {
        return breakers.get(db).executeCallable(work);
    }

    /**
     * Runs a shard, which talks to both databases: both breakers must permit it, and a transient
     * failure is recorded against the database it came from. A failure of the task's own (bad
     * data) counts as a success for both: the databases answered.
     */
    public <T> T callBoth(Callable<T> work) throws Exception {
        CircuitBreaker source = breakers.get(Database.SOURCE);
        CircuitBreaker target = breakers.get(Database.TARGET);
        source.acquirePermission();
        try {
            target.acquirePermission();
        } catch (CallNotPermittedException e) {
            source.releasePermission();
            throw e;
        }
        long started = System.nanoTime();
        try {
            T result = work.call();
            source.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            target.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            return result;
        } catch (Throwable t) {
            long elapsed = System.nanoTime() - started;
            ErrorClass error = ErrorClassifier.classify(t);
            if (t instanceof PausedException || !error.isTransient()) {
                source.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                target.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            } else {
                CircuitBreaker failed = breakers.get(error.database());
                CircuitBreaker other = failed == source ? target : source;
                failed.onError(elapsed, TimeUnit.NANOSECONDS, t);
                other.releasePermission();
            }
            throw t;
        }
    }

    /**
     * For logs and health: e.g. {@code target breaker open}; half-open reads as open here (it is a
     * probe's wait, not a change worth a log line). Empty when all are closed.
     */
    public String describeOpen() {
        StringBuilder out = new StringBuilder();
        breakers.forEach((db, b) -> {
            if (b.getState() != CircuitBreaker.State.CLOSED) {
                out.append(out.length() == 0 ? "" : ", ").append(db.label()).append(" breaker open");
            }
        });
        return out.toString();
    }
}
