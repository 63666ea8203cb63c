package io.migration.producer.seed;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * What a {@link TrafficGenerator} does: write for these companies, at about this many transactions a
 * second over all threads, holding some transactions open up to {@code holdOpenMaxMillis} before they
 * commit, and stop by itself after {@code duration} or {@code maxTransactions}, whichever comes first.
 */
public record TrafficSettings(
        List<Long> companies,
        double writesPerSecond,
        int threads,
        int holdOpenMaxMillis,
        long seed,
        Duration duration,
        long maxTransactions) {

    public static final double MAX_WRITES_PER_SECOND = 10_000;
    public static final int MAX_THREADS = 64;
    public static final int MAX_HOLD_MILLIS = 60_000;
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    public TrafficSettings {
        companies = List.copyOf(new TreeSet<>(companies == null ? List.of() : companies));
        if (companies.isEmpty()) {
            throw new IllegalArgumentException("no company to write for");
        }
        if (companies.get(0) <= 0) {
            throw new IllegalArgumentException("company ids are positive: " + companies.get(0));
        }
        if (!(writesPerSecond > 0 && writesPerSecond <= MAX_WRITES_PER_SECOND)) {
            throw new IllegalArgumentException("writes per second must be above 0 and at most "
                    + (long) MAX_WRITES_PER_SECOND + ", not " + writesPerSecond);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ", not " + threads);
        }
        if (holdOpenMaxMillis < 0 || holdOpenMaxMillis > MAX_HOLD_MILLIS) {
            throw new IllegalArgumentException(
                    "the hold-open maximum must be 0 to " + MAX_HOLD_MILLIS + " ms, not " + holdOpenMaxMillis);
        }
        if (duration == null || duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("the duration must be positive and at most a day, not " + duration);
        }
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("the transaction count bound must be positive, not " + maxTransactions);
        }
    }

    /** Settings bounded by the duration alone (the count bound is what the rate allows in it). */
    public static TrafficSettings of(
            List<Long> companies,
            double writesPerSecond,
            int threads,
            int holdOpenMaxMillis,
            long seed,
            Duration duration) {
        return new TrafficSettings(
                companies,
                writesPerSecond,
                threads,
                holdOpenMaxMillis,
                seed,
                duration,
                transactionsIn(writesPerSecond, duration));
    }

    /** The same settings with another count bound. */
    public TrafficSettings withMaxTransactions(long max) {
        return new TrafficSettings(companies, writesPerSecond, threads, holdOpenMaxMillis, seed, duration, max);
    }

    /** How many transactions the pace allows in {@code duration} (at least one). */
    static long transactionsIn(double writesPerSecond, Duration duration) {
        if (!(writesPerSecond > 0) || duration == null || duration.isNegative() || duration.isZero()) {
            return 1;
        }
        return Math.max(1, (long) Math.ceil(writesPerSecond * duration.toNanos() / 1e9));
    }
}
