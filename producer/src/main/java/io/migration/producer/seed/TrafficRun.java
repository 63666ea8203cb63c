package io.migration.producer.seed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running {@link TrafficGenerator}: its threads, which end by themselves after the settings'
 * duration or transaction count, or at {@link #stop()}; and its per-company counters.
 */
public final class TrafficRun implements AutoCloseable {

    /** One thread's body; it asks {@link #awaitSlot()} before each transaction. */
    interface Body {
        void run(int threadIndex, TrafficRun run);
    }

    private final Map<Long, CompanyTraffic.Counters> counters;
    private final Pacer pacer;
    private final List<Thread> threads = new ArrayList<>();
    private final long startNanos;
    private volatile boolean stopping;
    private volatile String lastError;

    TrafficRun(TrafficSettings settings, Map<Long, CompanyTraffic.Counters> counters, Body body) {
        this.counters = counters;
        this.startNanos = System.nanoTime();
        this.pacer = new Pacer(
                startNanos,
                settings.writesPerSecond(),
                settings.maxTransactions(),
                settings.duration().toNanos());
        for (int i = 0; i < settings.threads(); i++) {
            int index = i;
            Thread thread = new Thread(() -> body.run(index, this), "traffic-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Stops the threads (a transaction under way finishes first) and waits for them. */
    public void stop() {
        stopping = true;
        join(Long.MAX_VALUE);
    }

    @Override
    public void close() {
        stop();
    }

    /** Waits up to {@code timeout} for the threads to end by themselves; true when they have. */
    public boolean awaitEnd(Duration timeout) {
        return join(System.nanoTime() + timeout.toNanos());
    }

    public boolean isRunning() {
        return threads.stream().anyMatch(Thread::isAlive);
    }

    /** Each company's counters as of now, in company order; the map and its values never change. */
    public Map<Long, CompanyTraffic> stats() {
        Map<Long, CompanyTraffic> out = new LinkedHashMap<>();
        counters.forEach((company, c) -> out.put(company, c.snapshot()));
        return Collections.unmodifiableMap(out);
    }

    /** Transactions of all companies so far, whatever their outcome. */
    public long transactions() {
        return counters.values().stream()
                .mapToLong(c -> c.snapshot().transactions())
                .sum();
    }

    /** Seconds since the start. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The message of the last failed transaction, or null. */
    public String lastError() {
        return lastError;
    }

    /** Waits until the next transaction is due and returns its number, or -1 when the run is over. */
    long awaitSlot() {
        long n = pacer.claim();
        if (!pacer.allows(n) || pacer.isOver(System.nanoTime())) {
            return -1;
        }
        long due = pacer.due(n);
        while (!stopping) {
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return n;
            }
            if (!pause(Math.min(TimeUnit.NANOSECONDS.toMillis(wait) + 1, 50))) {
                return -1;
            }
        }
        return -1;
    }

    void failed(Exception e) {
        lastError = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().replaceAll("\\s+", " ");
    }

    /** Sleeps; false when interrupted (the interrupt is kept). */
    static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean join(long deadlineNanos) {
        for (Thread thread : threads) {
            long left = deadlineNanos == Long.MAX_VALUE ? 0 : deadlineNanos - System.nanoTime();
            if (deadlineNanos != Long.MAX_VALUE && left <= 0) {
                return !isRunning();
            }
            try {
                if (deadlineNanos == Long.MAX_VALUE) {
                    thread.join();
                } else {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning();
            }
        }
        return !isRunning();
    }
}
