package io.migration.common.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * Connection factories for the fleet's broker, with automatic recovery switched on and the
 * client's logging reduced to one line per event ({@link QuietExceptionHandler}).
 */
public final class AmqpConnections {

    private AmqpConnections() {}

    /** A factory for {@code uri}; a malformed URI is one {@link IllegalArgumentException} line naming AMQP_URI. */
    public static ConnectionFactory factory(String uri) {
        AmqpUris.check(uri);
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("AMQP_URI is not a valid amqp:// URI: " + redact(uri), e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setConnectionTimeout(5000);
        factory.setRequestedHeartbeat(15);
        factory.setExceptionHandler(new QuietExceptionHandler());
        return factory;
    }

    /** Opens a named connection that logs its loss and recovery one line each. */
    public static Connection open(String uri, String name, ExecutorService consumerExecutor)
            throws IOException, TimeoutException {
        ConnectionFactory factory = factory(uri);
        if (consumerExecutor != null) {
            factory.setSharedExecutor(consumerExecutor);
        }
        Connection connection = factory.newConnection(name);
        ConnectionLog.attach(connection, name);
        return connection;
    }

    /** Adds a listener told when automatic recovery starts and ends; a no-op on a connection without recovery. */
    public static void addRecoveryListener(Connection connection, RecoveryListener listener) {
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(listener);
        }
    }

    /** The URI without its password, for messages ({@link AmqpUris#redact}). */
    public static String redact(String uri) {
        return AmqpUris.redact(uri);
    }
}
