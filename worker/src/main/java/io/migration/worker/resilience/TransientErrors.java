package io.migration.worker.resilience;

import com.rabbitmq.client.AlreadyClosedException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells "it will come back" from "it will fail again". Jdbi and HikariCP wrap SQL exceptions,
 * so this walks the cause chain to the SQLSTATE (FIELD-NOTES).
 */
public final class TransientErrors {

    /** Deadlock, serialization failure, a concurrent insert of the same key, too many connections. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40P01", "40001", "23505", "53300", "55P03");

    private TransientErrors() {
    }

    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof AlreadyClosedException
                    || t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P0x: server shutting down or restarting.
                if (state.startsWith("08") || state.startsWith("57P") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
            if (t instanceof IOException && t.getCause() == null) {
                return true;
            }
        }
        return false;
    }

    /** The error on one line, with its SQLSTATE when it has one; no row data (logServerErrorDetail=false). */
    public static String describe(Throwable error) {
        String state = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
                error = t;
                break;
            }
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        if (message.length() > 500) {
            message = message.substring(0, 500) + "…";
        }
        return (state != null ? "[" + state + "] " : "") + error.getClass().getSimpleName() + ": " + message;
    }
}
