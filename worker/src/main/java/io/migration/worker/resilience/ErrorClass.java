package io.migration.worker.resilience;

import java.util.Locale;
import java.util.Optional;

/**
 * What an error means for a delivery. {@link #transientKind()} is present for errors that pass
 * by themselves (an outage, a timeout, a deadlock, a read-only target during a failover): those
 * are retried, feed the breaker of {@link #database()}, and never count as an attempt. Anything
 * else is the task's own failure (bad data, a constraint, a trigger, a bug) and counts.
 *
 * @param database the database the error came from ({@code SOURCE} when the cause chain holds a
 *     source read, else {@code TARGET})
 * @param sqlState the SQLSTATE found in the cause chain, when there is one
 * @param summary one line without row data or secrets, fit for a dead letter and a log line
 */
public record ErrorClass(Database database, Optional<TransientKind> transientKind, String sqlState, String summary) {

    /** Kinds of transient errors, the {@code kind} label of {@code migration_transient_errors_total}. */
    public enum TransientKind {
        CONNECTION,
        TIMEOUT,
        READ_ONLY,
        DEADLOCK,
        RESOURCES,
        OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isTransient() {
        return transientKind.isPresent();
    }

    /** SQLSTATE class (two characters) or the exception kind, for the dead letter's error class. */
    public String errorClass() {
        return sqlState != null && sqlState.length() >= 2 ? sqlState.substring(0, 2) : "java";
    }
}
