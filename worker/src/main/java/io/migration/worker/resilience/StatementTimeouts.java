package io.migration.worker.resilience;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.postgresql.util.PSQLException;

/**
 * Tells a statement too slow for its timeout from an outage. A statement timeout (57014) is taken
 * for an outage only while its database does not answer a probe; while it does, the statement
 * itself is the problem and will time out again, so it becomes the shard's own failure ({@link
 * ShardTimeoutException}): counted as an attempt, dead-lettered at WORKER_MAX_ATTEMPTS, never fed
 * to the breaker. Lock waits are not statement timeouts here: the pools set {@code lock_timeout}
 * under the statement timeout, so a shard that waits for someone's lock fails with 55P03, an outage.
 */
public final class StatementTimeouts {

    private final DatabaseProbe probe;

    public StatementTimeouts(DatabaseProbe probe) {
        this.probe = probe;
    }

    /** Runs a shard; a statement timeout while its database answers comes out as a {@link ShardTimeoutException}. */
    public <T> T judge(Callable<T> shard) throws Exception {
        try {
            return shard.call();
        } catch (Exception e) {
            ErrorClass error = ErrorClassifier.classify(e);
            if (isStatementTimeout(e) && probe.answers(error.database())) {
                throw new ShardTimeoutException(error.database(), e);
            }
            throw e;
        }
    }

    /**
     * 57014 in the cause chain, unless the server says a cancel request ended it (someone's
     * pg_cancel_backend): PostgreSQL's fixed text for the two, which holds no data; a server whose
     * messages are not in English reads as a timeout.
     */
    static boolean isStatementTimeout(Throwable error) {
        SQLException server = null;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            // The innermost: wrappers (SourceReadException) repeat the state without the server's words.
            if (t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                server = sql;
            }
        }
        if (server == null) {
            return false;
        }
        String text = server instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getMessage()
                : null;
        return text == null || !text.contains("user request");
    }
}
