package io.migration.producer.seed;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Spreads transactions evenly over time for all threads together: the n-th transaction is due
 * n / rate seconds after the start. A thread that falls behind (a held-open transaction) starts its
 * next one at once. The n-th is refused once n reaches the count bound or its time the deadline, and
 * every one once the deadline has passed.
 */
final class Pacer {

    private final long startNanos;
    private final double nanosPerTransaction;
    private final long maxTransactions;
    private final long deadlineNanos;
    private final AtomicLong next = new AtomicLong();

    Pacer(long startNanos, double writesPerSecond, long maxTransactions, long durationNanos) {
        this.startNanos = startNanos;
        this.nanosPerTransaction = 1e9 / writesPerSecond;
        this.maxTransactions = maxTransactions;
        this.deadlineNanos = startNanos + durationNanos;
    }

    /** When transaction {@code n} (from 0) is due, in {@link System#nanoTime()} terms. */
    long due(long n) {
        return startNanos + (long) (n * nanosPerTransaction);
    }

    /** Whether transaction {@code n} falls within both bounds. */
    boolean allows(long n) {
        return n < maxTransactions && due(n) - deadlineNanos < 0;
    }

    /** Whether the deadline has passed at {@code nowNanos}: a thread behind its schedule stops then too. */
    boolean isOver(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    /** Claims the next transaction's number; check it with {@link #allows}. */
    long claim() {
        return next.getAndIncrement();
    }
}
