package io.migration.worker.resilience;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.migration.worker.pace.Pacer;
import io.migration.worker.pace.PausedException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link Pacer} over a Resilience4j rate limiter whose limit {@link FleetPace} changes while the
 * fleet runs. Permits are rows; the limiter refreshes every 100 ms, so a worker allowed N rows a
 * second gets N/10 each period and a shard streams instead of bursting.
 */
final class RatePacer implements Pacer {

    private final RateLimiter limiter;
    private final FleetGate gate;
    private final LongAdder rows = new LongAdder();
    private volatile boolean limited;

    RatePacer(RateLimiter limiter, FleetGate gate) {
        this.limiter = limiter;
        this.gate = gate;
    }

    @Override
    public void acquire(int count) throws InterruptedException {
        if (gate.isPaused()) {
            throw new PausedException();
        }
        rows.add(count);
        if (!limited || count <= 0) {
            return;
        }
        int left = count;
        while (left > 0) {
            int chunk = Math.min(left, limiter.getRateLimiterConfig().getLimitForPeriod());
            // Waits up to the limiter's timeout (1 s), then looks at the pause flag again.
            while (!limiter.acquirePermission(chunk)) {
                if (gate.isPaused()) {
                    throw new PausedException();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while pacing");
                }
            }
            left -= chunk;
        }
    }

    /** Rows per period; 0: unlimited. */
    void setLimitPerPeriod(int perPeriod) {
        if (perPeriod <= 0) {
            limited = false;
            return;
        }
        if (limiter.getRateLimiterConfig().getLimitForPeriod() != perPeriod) {
            limiter.changeLimitForPeriod(perPeriod);
        }
        limited = true;
    }

    /** Rows that passed so far (for the read rate and in-flight figures). */
    long rows() {
        return rows.sum();
    }

    RateLimiter limiter() {
        return limiter;
    }
}
