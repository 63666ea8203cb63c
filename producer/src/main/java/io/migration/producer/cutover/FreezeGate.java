package io.migration.producer.cutover;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * When a company may freeze: not before every company of the run has had its first copy (a freeze's
 * few tasks must not queue behind other companies' whole copies), and only while fewer than
 * CUTOVER_MAX_FROZEN companies are frozen (their final deltas and verifications share the fleet).
 * While any company is frozen, the others' catch-up passes wait ({@link #awaitNoFreeze}): the work
 * queue is first in, first out, and a frozen company's tasks are the ones the customer waits for.
 */
final class FreezeGate {

    private final CountDownLatch firstCopies;
    private final Semaphore slots;
    private int frozen;
    private int passesInFlight;

    FreezeGate(int companies, int maxFrozen) {
        this.firstCopies = new CountDownLatch(companies);
        this.slots = new Semaphore(maxFrozen);
    }

    /** A company's first copy is over (done, failed, or not needed): counted once per company. */
    void firstCopyOver() {
        firstCopies.countDown();
    }

    /** Takes a freeze slot when freezing may start now; {@link #leave()} gives it back. */
    boolean tryEnter() {
        if (firstCopies.getCount() == 0 && slots.tryAcquire()) {
            synchronized (this) {
                frozen++;
            }
            return true;
        }
        return false;
    }

    void leave() {
        synchronized (this) {
            frozen--;
            notifyAll();
        }
        slots.release();
    }

    /** A catch-up pass was published; {@link #passEnded()} when it ended, however. */
    synchronized void passStarted() {
        passesInFlight++;
    }

    synchronized void passEnded() {
        passesInFlight--;
        notifyAll();
    }

    /**
     * Called by the company that holds a freeze slot, before its freeze hook: the other companies'
     * passes already in the queue end first (no new ones start while it is frozen), so the freeze's
     * own tasks find the fleet free.
     */
    synchronized void awaitPassesEnded(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (passesInFlight > 0 && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    /** Waits (at most {@code maxMillis}) until no company of the run is frozen. */
    synchronized void awaitNoFreeze(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (frozen > 0 && System.currentTimeMillis() < deadline) {
            wait(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }
}
