package io.migration.worker.delivery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The broker edge in memory: says what was done with the delivery, and can fail as a closed channel does. */
final class FakeDelivery implements Delivery {

    final List<String> calls = new ArrayList<>();
    Map<String, Object> deadLetterHeaders;
    int publishFailures;
    boolean ackFails;
    private final byte[] body;

    FakeDelivery(byte[] body) {
        this.body = body;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public void ack() throws IOException {
        calls.add("ack");
        if (ackFails) {
            throw new IOException("channel closed");
        }
    }

    @Override
    public void handBack() {
        calls.add("handBack");
    }

    @Override
    public void requeue() {
        calls.add("requeue");
    }

    @Override
    public void publishDeadLetter(Map<String, Object> headers) throws IOException {
        calls.add("publishDeadLetter");
        if (publishFailures-- > 0) {
            throw new IOException("no confirm");
        }
        deadLetterHeaders = headers;
    }
}
