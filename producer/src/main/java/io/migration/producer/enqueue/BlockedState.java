package io.migration.producer.enqueue;

import com.rabbitmq.client.BlockedListener;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows the broker's connection.blocked / unblocked notices: under a memory or disk alarm the
 * broker stops reading from publishers, which would otherwise hang silently. The first block is
 * announced once; a publisher waits for the unblock at most {@code timeout} from when it began.
 */
final class BlockedState implements BlockedListener {

    private final Duration timeout;
    private final Consumer<String> notices;
    private long blockedSince;
    private String reason;
    private boolean announced;

    BlockedState(Duration timeout, Consumer<String> notices) {
        this.timeout = timeout;
        this.notices = notices;
    }

    @Override
    public synchronized void handleBlocked(String why) {
        blockedSince = System.nanoTime();
        reason = why;
        if (!announced) {
            announced = true;
            notices.accept("broker blocked publishing: " + why + " (memory or disk alarm); waiting up to "
                    + timeout.toSeconds() + " s");
        }
    }

    @Override
    public synchronized void handleUnblocked() {
        blockedSince = 0;
        notifyAll();
    }

    synchronized boolean blocked() {
        return blockedSince != 0;
    }

    /** Waits while blocked; throws once the block lasted longer than the timeout. */
    synchronized void awaitUnblocked() throws InterruptedException, PublishFailure {
        while (blockedSince != 0) {
            long left = timeout.toNanos() - (System.nanoTime() - blockedSince);
            if (left <= 0) {
                throw expired();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Throws when the block has lasted longer than the timeout. */
    synchronized void checkNotExpired() throws PublishFailure {
        if (blockedSince != 0 && System.nanoTime() - blockedSince > timeout.toNanos()) {
            throw expired();
        }
    }

    private PublishFailure expired() {
        return new PublishFailure("the broker blocked publishing for more than " + timeout.toSeconds() + " s (" + reason
                + ": a memory or disk alarm)");
    }
}
