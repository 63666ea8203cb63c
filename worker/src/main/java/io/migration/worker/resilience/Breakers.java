package io.migration.worker.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.migration.worker.pace.PausedException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker per database, fed only by transient errors ({@link ErrorClassifier}): a
 * constraint violation says nothing about the database's health. Breakers move from open to
 * half-open by themselves; a probe ({@link BreakerProbe}) then closes them. While one is not
 * closed the {@link FleetGate} stays shut and the worker consumes nothing. Each says why it opened
 * ({@link BreakerCause}): the SQLSTATE of the failure that tripped it, never its message text.
 */
public final class Breakers {

    private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);

    private final CircuitBreakerRegistry registry;
    private final Map<Database, CircuitBreaker> breakers = new EnumMap<>(Database.class);
    /** The latest failure each breaker recorded since it last changed state: what trips it. */
    private final Map<Database, AtomicReference<BreakerCause>> lastFailure = new EnumMap<>(Database.class);
    /** Why each breaker that is not closed opened; none while closed. */
    private final Map<Database, AtomicReference<BreakerCause>> openCause = new EnumMap<>(Database.class);

    private final List<BiConsumer<Database, BreakerCause>> openListeners = new CopyOnWriteArrayList<>();

    /**
     * How many transient failures open a breaker and how long it stays open (worker.yml, breakers).
     *
     * @param failureRateThreshold percent of failed calls in the window that opens it
     */
    public record Settings(int failureRateThreshold, int minimumCalls, int window, Duration openDuration) {}

    public Breakers(Settings settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(Math.min(settings.minimumCalls(), settings.window()))
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                // A half-open breaker whose probe never comes (no caller) falls back to open.
                .maxWaitDurationInHalfOpenState(settings.openDuration().multipliedBy(3))
                .recordException(t -> ErrorClassifier.classify(t).isTransient())
                .ignoreExceptions(PausedException.class, CallNotPermittedException.class)
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
        for (Database db : Database.values()) {
            CircuitBreaker breaker = registry.circuitBreaker(db.label());
            breakers.put(db, breaker);
            lastFailure.put(db, new AtomicReference<>());
            openCause.put(db, new AtomicReference<>());
            // The error event comes before the transition it causes (Resilience4j records, then decides).
            breaker.getEventPublisher().onError(e -> lastFailure.get(db).set(BreakerCause.of(e.getThrowable())));
            breaker.getEventPublisher()
                    .onStateTransition(e -> changed(db, e.getStateTransition().getToState()));
        }
    }

    /** Runs on each opening (on the thread that tripped it): keep it short. */
    public void onOpened(BiConsumer<Database, BreakerCause> listener) {
        openListeners.add(listener);
    }

    /** Why the breaker of {@code db} opened, while it is not closed. */
    public Optional<BreakerCause> openCause(Database db) {
        return Optional.ofNullable(openCause.get(db).get());
    }

    /**
     * Remembers why a breaker opened and says it once; a half-open breaker that falls back to open
     * without a new failure (no probe came) keeps its cause, one opened by hand has none.
     */
    private void changed(Database db, CircuitBreaker.State to) {
        BreakerCause failure = lastFailure.get(db).getAndSet(null);
        if (to == CircuitBreaker.State.CLOSED) {
            if (openCause.get(db).getAndSet(null) != null) {
                LOG.info("{} breaker closed", db.label());
            }
        } else if (to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN) {
            if (failure != null) {
                openCause.get(db).set(failure);
                LOG.warn("{} breaker opened: {}", db.label(), failure.describe());
                openListeners.forEach(l -> l.accept(db, failure));
            }
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
     * For logs and health: e.g. {@code target breaker open: SQLSTATE 53100 disk_full, class 53
     * insufficient_resources}; half-open reads as open here (it is a probe's wait, not a change
     * worth a log line). Empty when all are closed.
     */
    public String describeOpen() {
        StringBuilder out = new StringBuilder();
        breakers.forEach((db, b) -> {
            if (b.getState() != CircuitBreaker.State.CLOSED) {
                out.append(out.length() == 0 ? "" : "; ")
                        .append(db.label())
                        .append(" breaker open")
                        .append(openCause(db).map(c -> ": " + c.describe()).orElse(""));
            }
        });
        return out.toString();
    }

    /**
     * For the fleet's table: e.g. {@code target: SQLSTATE 53100 disk_full, class 53
     * insufficient_resources}; null when every breaker is closed.
     */
    public String describeCauses() {
        StringBuilder out = new StringBuilder();
        breakers.forEach((db, b) -> {
            if (b.getState() != CircuitBreaker.State.CLOSED) {
                out.append(out.length() == 0 ? "" : "; ")
                        .append(db.label())
                        .append(": ")
                        .append(openCause(db).map(BreakerCause::describe).orElse("cause unknown"));
            }
        });
        return out.length() == 0 ? null : out.toString();
    }
}
