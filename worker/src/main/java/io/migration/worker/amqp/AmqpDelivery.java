package io.migration.worker.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.migration.common.amqp.Topology;
import io.migration.worker.pipeline.Delivery;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** A delivery from one consumer channel, settled on that channel. */
final class AmqpDelivery implements Delivery {

    private final Channel channel;
    private final long deliveryTag;
    private final AMQP.BasicProperties props;
    private final byte[] body;
    private final ConfirmingPublisher publisher;
    private final Topology topology;
    private final Runnable onSettled;
    private final AtomicBoolean settled = new AtomicBoolean();

    AmqpDelivery(Channel channel, long deliveryTag, AMQP.BasicProperties props, byte[] body,
            ConfirmingPublisher publisher, Topology topology, Runnable onSettled) {
        this.channel = channel;
        this.deliveryTag = deliveryTag;
        this.props = props;
        this.body = body;
        this.publisher = publisher;
        this.topology = topology;
        this.onSettled = onSettled;
    }

    /** Acknowledged or returned to the broker (or its channel is gone, which returns it). */
    boolean isSettled() {
        return settled.get() || !channel.isOpen();
    }

    /**
     * A last resort for a delivery its handler left unsettled on an open channel (a hand-back
     * whose copy the broker never confirmed): back to the queue, so the channel may subscribe again.
     */
    void returnIfUnsettled() {
        if (!isSettled()) {
            try {
                requeue();
            } catch (IOException e) {
                // The channel is closing: the broker returns the message itself.
            }
        }
    }

    private void markSettled() {
        if (settled.compareAndSet(false, true)) {
            onSettled.run();
        }
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public void ack() throws IOException {
        try {
            channel.basicAck(deliveryTag, false);
        } catch (com.rabbitmq.client.AlreadyClosedException e) {
            throw new IOException("channel closed before the acknowledgement", e);
        }
        markSettled();
    }

    @Override
    public void requeue() throws IOException {
        try {
            channel.basicNack(deliveryTag, false, true);
        } catch (com.rabbitmq.client.AlreadyClosedException e) {
            throw new IOException("channel closed before the requeue", e);
        }
        markSettled();
    }

    @Override
    public void handBack() throws IOException {
        publisher.publish(topology.workExchange(), Topology.TASK_ROUTING_KEY, withoutBrokerHeaders(), body);
        ack();
    }

    @Override
    public void publishDeadLetter(Map<String, Object> headers) throws IOException {
        Map<String, Object> all = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
        all.putAll(headers);
        publisher.publish(topology.deadExchange(), "", props.builder().headers(all).deliveryMode(2).build(), body);
    }

    /** A copy is a new message: the broker's own delivery bookkeeping does not travel with it. */
    private AMQP.BasicProperties withoutBrokerHeaders() {
        Map<String, Object> headers = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
        headers.keySet().removeIf(k -> k.startsWith("x-death") || k.equals("x-delivery-count")
                || k.startsWith("x-first-death") || k.startsWith("x-last-death"));
        return props.builder().headers(headers).deliveryMode(2).build();
    }
}
