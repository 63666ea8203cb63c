package io.migration.worker.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer channel on the work queue, manual acknowledgement, small prefetch. It only hands
 * deliveries on: no shard ever runs (or sleeps) in the client's delivery thread. It keeps track
 * of whether the broker still delivers to it, so the pool can tell a consumer the broker
 * cancelled (queue deleted) or a channel it closed (consumer timeout) and re-create it, and of
 * the deliveries its channel holds, so that it never subscribes again while it holds any.
 */
final class TaskConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TaskConsumer.class);

    private final Consumer<AmqpDeliveryParts> dispatcher;
    /** Deliveries taken on this channel and not yet settled, whichever subscription took them. */
    private int held;
    /** Bumped when a connection recovery gave every held delivery back: their late settling counts no more. */
    private int generation;

    private volatile String consumerTag;
    private volatile boolean subscribed;
    private volatile boolean cancelledByBroker;

    /** What the pool needs to build a delivery; {@code settled} runs once it is acknowledged or returned. */
    record AmqpDeliveryParts(
            Channel channel, long deliveryTag, AMQP.BasicProperties props, byte[] body, Runnable settled) {}

    TaskConsumer(Channel channel, Consumer<AmqpDeliveryParts> dispatcher) {
        super(channel);
        this.dispatcher = dispatcher;
    }

    /**
     * Subscribes with a window of {@code prefetch}. Only with nothing held: the broker counts a
     * prefetch window per consumer, so deliveries a cancelled subscription still holds (a gate
     * shut: a pause, a breaker) would not count in the new one's, and a gate shutting and opening
     * again and again piled up deliveries on the channel.
     */
    void subscribe(String queue, int prefetch) throws IOException {
        if (held() > 0) {
            throw new IllegalStateException("the channel still holds " + held() + " unsettled deliveries");
        }
        getChannel().basicQos(prefetch);
        consumerTag = getChannel().basicConsume(queue, false, this);
        subscribed = true;
        cancelledByBroker = false;
    }

    /** Stops new deliveries; those taken stay with this channel until settled. */
    void unsubscribe() {
        String tag = consumerTag;
        subscribed = false;
        try {
            if (tag != null && getChannel().isOpen()) {
                getChannel().basicCancel(tag);
            }
        } catch (IOException | AlreadyClosedException e) {
            LOG.debug("cancel on a closing channel: {}", e.getMessage());
        }
    }

    boolean isSubscribed() {
        return subscribed && getChannel().isOpen();
    }

    boolean isChannelOpen() {
        return getChannel().isOpen();
    }

    /** Deliveries taken on this channel and not yet settled. */
    synchronized int held() {
        return held;
    }

    /** Not subscribed, but waiting for what it holds to be settled before it subscribes again. */
    boolean isWaitingForHeld() {
        return !isSubscribed() && held() > 0 && getChannel().isOpen();
    }

    /** The connection was recovered: the broker took back every delivery this channel held. */
    synchronized void forgetHeld() {
        held = 0;
        generation++;
    }

    /** Counts a delivery as held; the returned action, run once it is settled, counts it out. */
    private synchronized Runnable hold() {
        held++;
        int taken = generation;
        return () -> {
            synchronized (this) {
                if (generation == taken) {
                    held--;
                }
            }
        };
    }

    /** The broker cancelled this consumer (its queue was deleted): re-declare before subscribing. */
    boolean wasCancelledByBroker() {
        return cancelledByBroker;
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        dispatcher.accept(new AmqpDeliveryParts(getChannel(), envelope.getDeliveryTag(), props, body, hold()));
    }

    @Override
    public void handleConsumeOk(String tag) {
        consumerTag = tag;
        subscribed = true;
    }

    @Override
    public void handleCancelOk(String tag) {
        subscribed = false;
    }

    @Override
    public void handleCancel(String tag) {
        subscribed = false;
        cancelledByBroker = true;
        LOG.warn("the broker cancelled consumer {} (its queue was deleted or is unavailable); re-subscribing", tag);
    }

    @Override
    public void handleRecoverOk(String tag) {
        consumerTag = tag;
        subscribed = true;
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        if (!sig.isInitiatedByApplication() && !sig.isHardError()) {
            // A channel-level close (consumer timeout, an ack the broker refused): automatic
            // recovery does not reopen these (FIELD-NOTES); the pool does.
            LOG.warn(
                    "the broker closed a consumer channel: {}; it will be reopened",
                    sig.getReason() == null ? sig.getMessage() : sig.getReason().protocolMethodName());
            subscribed = false;
        }
    }
}
