package io.migration.producer.cli;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.common.config.ConnectionSettings;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** The dlq commands' broker connection, refused with one line when the fleet has no dead-letter queue. */
final class DlqBroker {

    private static final int NOT_FOUND = 404;

    private DlqBroker() {}

    static Connection open(ConnectionSettings settings, String name) {
        Connection connection;
        try {
            connection = AmqpConnections.open(settings.amqpUri(), name, null);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new CommandFailure(
                    "cannot reach RabbitMQ at " + AmqpConnections.redact(settings.amqpUri()) + " (AMQP_URI): "
                            + OneLineErrors.describe(e),
                    e);
        }
        String queue = new Topology(settings.fleetName()).deadQueue();
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(queue);
        } catch (IOException | TimeoutException | RuntimeException e) {
            connection.abort(2000);
            if (notFound(e)) {
                throw new CommandFailure(
                        "the broker has no dead-letter queue " + queue
                                + " (is FLEET_NAME right? the fleet's first enqueue or worker creates it)",
                        e);
            }
            throw new CommandFailure(
                    "cannot open the dead-letter queue " + queue + ": " + OneLineErrors.describe(e), e);
        }
        return connection;
    }

    private static boolean notFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException s
                    && s.getReason() instanceof AMQP.Channel.Close close
                    && close.getReplyCode() == NOT_FOUND) {
                return true;
            }
        }
        return false;
    }
}
