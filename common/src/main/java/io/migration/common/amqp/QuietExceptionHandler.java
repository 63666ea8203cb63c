package io.migration.common.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.TopologyRecoveryException;
import com.rabbitmq.client.impl.ForgivingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's exception handler, one line per event. The library's default logs ERROR and a
 * long stack trace for every failed reconnect attempt although recovery then succeeds, so an
 * operator could not tell a recovered outage from a real failure. Here a reconnect attempt is
 * one WARN line, a real failure (a channel or topology that did not come back, a listener or
 * consumer that threw) one ERROR line; stack traces go to DEBUG.
 */
public class QuietExceptionHandler extends ForgivingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.migration.amqp");

    @Override
    public void handleUnexpectedConnectionDriverException(Connection conn, Throwable exception) {
        // The connection's shutdown listener (ConnectionLog) reports the loss once, with this cause.
        LOG.debug("connection {}: driver error", name(conn), exception);
    }

    @Override
    public void handleConnectionRecoveryException(Connection conn, Throwable exception) {
        LOG.warn("broker connection {}: reconnect attempt failed ({}); retrying", name(conn), oneLine(exception));
        LOG.debug("reconnect attempt failed", exception);
    }

    @Override
    public void handleChannelRecoveryException(Channel ch, Throwable exception) {
        LOG.error(
                "broker connection {}: channel {} did not recover: {}",
                name(ch.getConnection()),
                ch.getChannelNumber(),
                oneLine(exception));
        LOG.debug("channel recovery failed", exception);
    }

    @Override
    public void handleTopologyRecoveryException(Connection conn, Channel ch, TopologyRecoveryException exception) {
        LOG.error(
                "broker connection {}: queues, bindings or consumers did not recover: {}",
                name(conn),
                oneLine(exception));
        LOG.debug("topology recovery failed", exception);
    }

    @Override
    protected void log(String message, Throwable e) {
        LOG.error("{}: {}", oneLine(message), oneLine(e));
        LOG.debug(message, e);
    }

    /** The exception and its causes' messages on one line, without a stack trace. */
    static String oneLine(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 500; t = t.getCause()) {
            String message = t.getMessage();
            String part = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
            if (out.indexOf(part) >= 0) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; caused by ").append(part);
            if (t.getCause() == t) {
                break;
            }
        }
        return oneLine(out.toString());
    }

    static String oneLine(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() > 500 ? flat.substring(0, 500) + "…" : flat;
    }

    static String name(Connection conn) {
        if (conn == null || conn.getClientProvidedName() == null) {
            return "(unnamed)";
        }
        return conn.getClientProvidedName();
    }
}
