package io.migration.producer.cutover;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * When a company may freeze: not before every company of the run has had its first copy (a freeze's
 * few tasks must not queue behind other companies' whole copies), and only while fewer than
 * CUTOVER_MAX_FROZEN companies are frozen (their final deltas and verifications share the fleet).
 */
final class FreezeGate {

    private final CountDownLatch firstCopies;
    private final Semaphore slots;

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
        return firstCopies.getCount() == 0 && slots.tryAcquire();
    }

    void leave() {
        slots.release();
    }
}
