package io.migration.worker.source;

import java.sql.SQLException;

/**
 * A failure talking to the source database. The reader wraps every {@link SQLException} of its own
 * in this, keeping the SQLSTATE, so that the worker can tell a source outage (source breaker) from
 * a target one (target breaker) when both happen inside one shard.
 */
public final class SourceReadException extends SQLException {

    public SourceReadException(SQLException cause) {
        super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
    }
}
