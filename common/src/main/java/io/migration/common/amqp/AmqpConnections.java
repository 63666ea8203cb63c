package io.migration.common.amqp;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/** Connection factories for the fleet's broker, with automatic recovery switched on. */
public final class AmqpConnections {

    private AmqpConnections() {
    }

    public static ConnectionFactory factory(String uri) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("AMQP_URI is not a valid amqp:// URI: " + redact(uri), e);
        }
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        factory.setConnectionTimeout(5000);
        factory.setRequestedHeartbeat(15);
        return factory;
    }

    public static Connection open(String uri, String name, ExecutorService consumerExecutor)
            throws IOException, TimeoutException {
        ConnectionFactory factory = factory(uri);
        if (consumerExecutor != null) {
            factory.setSharedExecutor(consumerExecutor);
        }
        return factory.newConnection(name);
    }

    /** The URI without its password, for messages. */
    public static String redact(String uri) {
        if (uri == null) {
            return "";
        }
        return uri.replaceAll("(amqps?://[^:/@]*):[^@/]*@", "$1:***@");
    }
}
