package io.migration.worker.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether this worker may run shards now: not while the operator has paused the fleet, not while
 * a circuit breaker is open or half-open, never again once the worker is stopping. Consumers
 * subscribe while it is open and cancel while it is shut; deliveries already taken wait in
 * {@link #awaitOpen} (held, not requeued: a requeue counts toward the queue's delivery limit).
 */
public final class FleetGate {

    private final Breakers breakers;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private boolean paused;
    private boolean stopping;

    public FleetGate(Breakers breakers) {
        this.breakers = breakers;
        breakers.registry()
                .getAllCircuitBreakers()
                .forEach(b -> b.getEventPublisher().onStateTransition(e -> changed()));
    }

    public synchronized boolean isOpen() {
        return !paused && !stopping && breakers.allClosed();
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** Why it is shut, for logs, health and status; empty when open. */
    public synchronized String closedReason() {
        if (stopping) {
            return "stopping";
        }
        if (paused) {
            return "paused by the operator";
        }
        return breakers.describeOpen();
    }

    public void setPaused(boolean value) {
        synchronized (this) {
            if (paused == value) {
                return;
            }
            paused = value;
        }
        changed();
    }

    public void stop() {
        synchronized (this) {
            stopping = true;
        }
        changed();
    }

    /** Runs on every change (on the thread that made it): keep it short. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Waits until the gate opens. Returns true when open, false when the worker is stopping or
     * {@code max} passed first (the caller then hands its delivery back).
     */
    public synchronized boolean awaitOpen(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!isOpen()) {
            long left = deadline - System.nanoTime();
            if (stopping || left <= 0) {
                return false;
            }
            // Breakers change state without telling us under this lock: look again at least each second.
            wait(Math.max(1, Math.min(1_000, left / 1_000_000)));
        }
        return true;
    }

    /** Sleeps for {@code delay} unless the worker starts stopping; returns false if it does. */
    public synchronized boolean pause(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        while (!stopping) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return false;
    }

    private void changed() {
        synchronized (this) {
            notifyAll();
        }
        listeners.forEach(Runnable::run);
    }
}
