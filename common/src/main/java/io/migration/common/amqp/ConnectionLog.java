package io.migration.common.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per connection event: WARN when the broker connection is lost (automatic recovery
 * follows), INFO when it is back. With {@link QuietExceptionHandler}'s one WARN line per failed
 * reconnect attempt, an outage that recovers reads as a few WARN lines and no ERROR.
 */
final class ConnectionLog implements ShutdownListener, RecoveryListener {

    private static final Logger LOG = LoggerFactory.getLogger("io.migration.amqp");

    private final String name;
    private volatile long lostAt;

    ConnectionLog(String name) {
        this.name = name;
    }

    static void attach(Connection connection, String name) {
        ConnectionLog log = new ConnectionLog(name);
        connection.addShutdownListener(log);
        AmqpConnections.addRecoveryListener(connection, log);
    }

    @Override
    public void shutdownCompleted(ShutdownSignalException cause) {
        if (cause.isInitiatedByApplication()) {
            return;
        }
        lostAt = System.nanoTime();
        LOG.warn("broker connection {} lost ({}); reconnecting", name, reason(cause));
    }

    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
        // Lost was logged already; each failed attempt is one line from QuietExceptionHandler.
    }

    @Override
    public void handleRecovery(Recoverable recoverable) {
        long since = lostAt;
        LOG.info(
                "broker connection {} recovered{}",
                name,
                since == 0 ? "" : String.format(Locale.ROOT, " after %.1f s", (System.nanoTime() - since) / 1e9));
    }

    static String reason(ShutdownSignalException cause) {
        if (cause.getReason() instanceof AMQP.Connection.Close close) {
            return "closed by the broker: " + close.getReplyCode() + " " + close.getReplyText();
        }
        if (cause.getCause() != null) {
            return QuietExceptionHandler.oneLine(cause.getCause());
        }
        return QuietExceptionHandler.oneLine(cause.getMessage());
    }
}
