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
 * cancelled (queue deleted) or a channel it closed (consumer timeout) and re-create it.
 */
final class TaskConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TaskConsumer.class);

    private final Consumer<AmqpDeliveryParts> dispatcher;
    private volatile String consumerTag;
    private volatile boolean subscribed;
    private volatile boolean cancelledByBroker;

    /** What the pool needs to build a delivery. */
    record AmqpDeliveryParts(Channel channel, long deliveryTag, AMQP.BasicProperties props, byte[] body) {
    }

    TaskConsumer(Channel channel, Consumer<AmqpDeliveryParts> dispatcher) {
        super(channel);
        this.dispatcher = dispatcher;
    }

    void subscribe(String queue, int prefetch) throws IOException {
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

    /** The broker cancelled this consumer (its queue was deleted): re-declare before subscribing. */
    boolean wasCancelledByBroker() {
        return cancelledByBroker;
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        dispatcher.accept(new AmqpDeliveryParts(getChannel(), envelope.getDeliveryTag(), props, body));
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
            LOG.warn("the broker closed a consumer channel: {}; it will be reopened", sig.getReason() == null
                    ? sig.getMessage() : sig.getReason().protocolMethodName());
            subscribed = false;
        }
    }
}
