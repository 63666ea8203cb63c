package io.migration.worker.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ReturnListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The worker's one publishing channel (dead letters and handed-back copies), apart from the
 * consumer channels: a publish that fails or is not confirmed must never close a channel a
 * consumer depends on. Publishes are mandatory and confirmed one at a time; a message the broker
 * cannot route (a queue deleted) is a failure, not a silent loss.
 */
final class ConfirmingPublisher {

    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(15);

    private final Connection connection;
    private Channel channel;
    private volatile boolean returned;

    ConfirmingPublisher(Connection connection) {
        this.connection = connection;
    }

    synchronized void publish(String exchange, String routingKey, AMQP.BasicProperties props, byte[] body)
            throws IOException {
        Channel ch = channel();
        returned = false;
        ch.basicPublish(exchange, routingKey, true, props, body);
        try {
            ch.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the broker's confirm", e);
        } catch (TimeoutException e) {
            // waitForConfirmsOrDie closed the channel: the next publish opens another.
            throw new IOException(
                    "the broker did not confirm the publish within " + CONFIRM_TIMEOUT.toSeconds() + " s");
        }
        if (returned) {
            throw new IOException("the broker could not route the message to a queue (exchange " + exchange + ")");
        }
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.addReturnListener((ReturnListener) (code, text, exchange, key, props, body) -> returned = true);
        }
        return channel;
    }
}
