package io.migration.worker.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import io.migration.common.amqp.Topology;
import io.migration.worker.delivery.Delivery;
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

    AmqpDelivery(TaskConsumer.AmqpDeliveryParts parts, ConfirmingPublisher publisher, Topology topology) {
        this.channel = parts.channel();
        this.deliveryTag = parts.deliveryTag();
        this.props = parts.props();
        this.body = parts.body();
        this.publisher = publisher;
        this.topology = topology;
        this.onSettled = parts.settled();
    }

    /**
     * A last resort for a delivery its handler left unsettled (a hand-back whose copy the broker
     * never confirmed): back to the queue, so that its channel may subscribe again. A channel that
     * closed meanwhile gave it back already.
     */
    void returnIfUnsettled() {
        if (settled.get()) {
            return;
        }
        if (!channel.isOpen()) {
            markSettled();
            return;
        }
        try {
            requeue();
        } catch (IOException e) {
            // The channel closed under the requeue, which returns the message as well.
        }
    }

    /**
     * Settled once the broker took the answer, or once the channel closed (the broker then returns
     * the message itself): a delivery is held by its channel until then. After a connection
     * recovery the client drops acks of older deliveries without a word, which settles them too.
     */
    private void settle(ChannelCall call, String what) throws IOException {
        try {
            call.run();
            markSettled();
        } catch (AlreadyClosedException e) {
            markSettled();
            throw new IOException("channel closed before the " + what, e);
        } catch (IOException e) {
            if (!channel.isOpen()) {
                markSettled();
            }
            throw e;
        }
    }

    private void markSettled() {
        if (settled.compareAndSet(false, true)) {
            onSettled.run();
        }
    }

    @FunctionalInterface
    private interface ChannelCall {
        void run() throws IOException;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public void ack() throws IOException {
        settle(() -> channel.basicAck(deliveryTag, false), "acknowledgement");
    }

    @Override
    public void requeue() throws IOException {
        settle(() -> channel.basicNack(deliveryTag, false, true), "requeue");
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
        publisher.publish(
                topology.deadExchange(),
                "",
                props.builder().headers(all).deliveryMode(2).build(),
                body);
    }

    /** A copy is a new message: the broker's own delivery bookkeeping does not travel with it. */
    private AMQP.BasicProperties withoutBrokerHeaders() {
        Map<String, Object> headers = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
        headers.keySet()
                .removeIf(k -> k.startsWith("x-death")
                        || k.equals("x-delivery-count")
                        || k.startsWith("x-first-death")
                        || k.startsWith("x-last-death"));
        return props.builder().headers(headers).deliveryMode(2).build();
    }
}
