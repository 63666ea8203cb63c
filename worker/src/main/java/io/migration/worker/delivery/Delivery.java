package io.migration.worker.delivery;

import java.io.IOException;
import java.util.Map;

/**
 * One message taken from the work queue, and the ways to settle it. The handler decides; this
 * carries it out on the broker. Every method may fail when the broker connection dropped: then
 * the broker redelivers the message, and the ledger turns that copy into a duplicate or a retry.
 */
public interface Delivery {

    byte[] body();

    /** Done: the broker forgets the message. */
    void ack() throws IOException;

    /**
     * Back to the queue without counting a delivery toward the queue's limit: a copy is published
     * (confirmed) and only then is this one acknowledged.
     */
    void handBack() throws IOException;

    /** Returns it to the queue as is (counts toward the queue's delivery limit: a last resort). */
    void requeue() throws IOException;

    /**
     * Publishes this message to the dead-letter exchange with {@code headers} added and waits for
     * the broker's confirm. It does not acknowledge: the caller records the task as dead, then acks.
     */
    void publishDeadLetter(Map<String, Object> headers) throws IOException;
}
