package io.migration.worker.source;

import java.sql.SQLException;

/**
 * A failure talking to the source database. The reader wraps every {@link SQLException} of its own
 * in this, keeping the SQLSTATE, so that the worker can tell a source outage (source breaker) from
 * a target one (target breaker) when both happen inside one shard; and, when a shard's statement
 * failed, the legacy table it was reading, which the server does not name for every error (a
 * dropped column's 42703 names the column only).
 */
public final class SourceReadException extends SQLException {

    private final String table;

    public SourceReadException(SQLException cause) {
        this(cause, null);
    }

    public SourceReadException(SQLException cause, String table) {
        super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        this.table = table;
    }

    /** {@code e} as read from {@code table}, unless it already says where it came from. */
    static SourceReadException reading(String table, SQLException e) {
        return e instanceof SourceReadException s ? s : new SourceReadException(e, table);
    }

    /** The legacy table whose statement failed; null when not a table's read (a connection, a probe). */
    public String table() {
        return table;
    }
}
