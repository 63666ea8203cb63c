package io.migration.worker.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.migration.common.amqp.Topology;
import io.migration.worker.pipeline.Disposition;
import io.migration.worker.pipeline.TaskProcessor;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel consuming the work queue with manual acknowledgement. The acknowledgement goes
 * out only after the shard's target transaction committed; the broker's copy stays until then,
 * so a crash at any moment means redelivery, never loss.
 */
final class TaskConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TaskConsumer.class);

    private final TaskProcessor processor;
    private final DeadLetterPublisher deadLetters;
    private final AtomicInteger inFlight;
    private volatile String consumerTag;

    TaskConsumer(Channel channel, TaskProcessor processor, DeadLetterPublisher deadLetters, AtomicInteger inFlight) {
        super(channel);
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.inFlight = inFlight;
    }

    void start(Topology topology, int prefetch) throws IOException {
        getChannel().basicQos(prefetch);
        getChannel().confirmSelect();
        consumerTag = getChannel().basicConsume(topology.workQueue(), false, this);
    }

    /** Stops new deliveries; what is in flight finishes and is acknowledged. */
    void cancel() {
        try {
            if (consumerTag != null && getChannel().isOpen()) {
                getChannel().basicCancel(consumerTag);
            }
        } catch (IOException | AlreadyClosedException e) {
            LOG.debug("cancel on a closed channel: {}", e.getMessage());
        }
    }

    boolean isOpen() {
        return getChannel().isOpen();
    }

    /** Closed by a channel-level error, which automatic recovery does not repair (FIELD-NOTES). */
    boolean closedByChannelError() {
        ShutdownSignalException reason = getChannel().getCloseReason();
        return !getChannel().isOpen() && reason != null && !reason.isHardError() && !reason.isInitiatedByApplication();
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        inFlight.incrementAndGet();
        try {
            Disposition disposition = processor.process(body);
            settle(envelope.getDeliveryTag(), props, body, disposition);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void settle(long deliveryTag, AMQP.BasicProperties props, byte[] body, Disposition disposition) {
        Channel channel = getChannel();
        try {
            if (disposition instanceof Disposition.Ack ack) {
                channel.basicAck(deliveryTag, false);
                LOG.info(ack.summary());
            } else if (disposition instanceof Disposition.Requeue) {
                backOff();
                channel.basicNack(deliveryTag, false, true);
            } else if (disposition instanceof Disposition.DeadLetter dead) {
                deadLetters.publish(channel, props, body, dead);
                channel.basicAck(deliveryTag, false);
            }
        } catch (AlreadyClosedException | IOException e) {
            // The connection dropped: the broker redelivers this message, and its second run is idempotent.
            LOG.warn("could not settle delivery {} ({}); the broker will redeliver it", deliveryTag, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("dead-letter publish not confirmed in time; the message is handed back");
            try {
                channel.basicNack(deliveryTag, false, true);
            } catch (IOException | AlreadyClosedException ignored) {
                LOG.debug("nack failed too; the broker will redeliver");
            }
        }
    }

    /** A short pause before requeueing, so a failing task does not spin through the queue. */
    private static void backOff() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        if (!sig.isInitiatedByApplication()) {
            LOG.warn("consumer channel closed: {}", sig.getMessage());
        }
    }

    @Override
    public void handleCancel(String tag) {
        LOG.warn("the broker cancelled consumer {} (queue deleted?)", tag);
    }

    static Channel open(Connection connection) throws IOException {
        return connection.createChannel();
    }
}
