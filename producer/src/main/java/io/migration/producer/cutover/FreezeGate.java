package io.migration.producer.cutover;

import java.util.concurrent.Semaphore;

/**
 * Turns at the switch. Every company's first copy runs at once; after it, a company waits for its
 * turn (CUTOVER_MAX_FROZEN at a time, default 1), then catches up and freezes. Only turn holders copy
 * again, so the fleet is not kept busy re-copying companies that wait, and a frozen company's few
 * tasks find it free: the work queue is first in, first out. A turn holder also freezes only while no
 * first copy is in flight (a whole company's copy would stand in front of its final delta).
 */
final class FreezeGate {

    private final Semaphore turns;
    private int firstCopiesInFlight;

    FreezeGate(int maxFrozen) {
        this.turns = new Semaphore(maxFrozen, true);
    }

    synchronized void firstCopyStarted() {
        firstCopiesInFlight++;
    }

    synchronized void firstCopyEnded() {
        firstCopiesInFlight--;
    }

    /** Whether a turn holder may freeze now: no first copy is queued or running. */
    synchronized boolean mayFreeze() {
        return firstCopiesInFlight == 0;
    }

    /** Waits for a turn; {@link #leave()} gives it back. */
    void awaitTurn() throws InterruptedException {
        turns.acquire();
    }

    void leave() {
        turns.release();
    }
}
