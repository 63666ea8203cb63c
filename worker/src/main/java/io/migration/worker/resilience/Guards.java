package io.migration.worker.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.Callable;

/**
 * What every database call of a delivery runs through, composed here once: the in-process retry
 * of transient errors around the database's breaker (the retry wraps the breaker, so a refused
 * call is never retried); a shard goes through both breakers, and a statement timeout while its
 * database answers is judged the shard's own before either breaker sees it. The shard's pacing is
 * its runner's pacers.
 */
public final class Guards {

    private final Breakers breakers;
    private final Retry retry;
    private final StatementTimeouts timeouts;

    public Guards(Breakers breakers, Retry retry, StatementTimeouts timeouts) {
        this.breakers = breakers;
        this.retry = retry;
        this.timeouts = timeouts;
    }

    public Breakers breakers() {
        return breakers;
    }

    /** One short step against {@code db} (a claim, a ledger record, a company check). */
    public <T> T step(Database db, Callable<T> step) throws Exception {
        return Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(breakers.of(db), step))
                .call();
    }

    /** One try of a shard, which talks to both databases. */
    public <T> T shard(Callable<T> shard) throws Exception {
        return Retry.decorateCallable(retry, () -> breakers.callBoth(() -> timeouts.judge(shard)))
                .call();
    }
}
