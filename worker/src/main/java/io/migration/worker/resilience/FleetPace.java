package io.migration.worker.resilience;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.migration.worker.pace.Pacer;
import java.time.Duration;

/**
 * This worker's share of the fleet's budget. The budget (rows per second, for the whole fleet) is
 * the operator's throttle or the configured default; each worker takes budget × its consumers ÷
 * the live consumers of the fleet, re-read every control interval, times the slowdown factor the
 * source's health signal sets. The same limit paces source reads and target writes.
 */
public final class FleetPace {

    static final Duration PERIOD = Duration.ofMillis(100);
    private static final int PERIODS_PER_SECOND = 10;

    private final RateLimiterRegistry registry;
    private final RatePacer source;
    private final RatePacer target;
    private volatile long budget;
    private volatile double share = 1.0;
    private volatile double slowdown = 1.0;
    private volatile double unlimitedBase;
    private volatile double limit;

    public FleetPace(FleetGate gate) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitRefreshPeriod(PERIOD)
                .limitForPeriod(1_000)
                .timeoutDuration(Duration.ofSeconds(1))
                .build();
        this.registry = RateLimiterRegistry.of(config);
        this.source = new RatePacer(registry.rateLimiter(Database.SOURCE.label()), gate);
        this.target = new RatePacer(registry.rateLimiter(Database.TARGET.label()), gate);
    }

    public RateLimiterRegistry registry() {
        return registry;
    }

    public Pacer source() {
        return source;
    }

    public Pacer target() {
        return target;
    }

    /** Source rows that passed this worker's pacer since it started. */
    public long rowsRead() {
        return source.rows();
    }

    /**
     * Applies the fleet's budget (0: unlimited) and this worker's share of the live consumers.
     * {@code recentRate} is the worker's read rate now: the base a slowdown works from when the
     * budget is unlimited.
     */
    public synchronized void update(long fleetBudget, int myConsumers, int liveConsumers, double recentRate) {
        this.budget = fleetBudget;
        this.share = liveConsumers <= 0 ? 1.0 : Math.min(1.0, (double) myConsumers / liveConsumers);
        if (slowdown >= 1.0 || unlimitedBase <= 0) {
            unlimitedBase = recentRate;
        }
        apply();
    }

    /** The source's health signal's verdict: 1 at full pace, less to slow down. */
    public synchronized void setSlowdown(double factor) {
        this.slowdown = factor;
        apply();
    }

    public double slowdown() {
        return slowdown;
    }

    public long budget() {
        return budget;
    }

    /** This worker's limit in rows per second; 0: unlimited. */
    public double limit() {
        return limit;
    }

    private void apply() {
        double base = budget > 0 ? budget * share : slowdown < 1.0 ? unlimitedBase : 0;
        limit = base > 0 ? Math.max(1.0, base * slowdown) : 0;
        int perPeriod = limit > 0 ? (int) Math.max(1, Math.round(limit / PERIODS_PER_SECOND)) : 0;
        source.setLimitPerPeriod(perPeriod);
        target.setLimitPerPeriod(perPeriod);
    }
}
