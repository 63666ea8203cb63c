package io.migration.worker.resilience;

import java.time.Instant;

/**
 * Why a breaker opened: the SQLSTATE of the failure that tripped it, its class and their
 * condition names; for a failure without one (a lost socket), its kind and exception type. Never
 * the server's message text, which may quote row values or name files.
 *
 * @param sqlState null when the failure carried none
 * @param kind the transient kind ({@code connection}, {@code resources}, …)
 * @param type the exception's simple class name, said only when there is no SQLSTATE
 */
public record BreakerCause(String sqlState, String kind, String type, Instant openedAt) {

    static BreakerCause of(Throwable failure) {
        ErrorClass error = ErrorClassifier.classify(failure);
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return new BreakerCause(
                error.sqlState(),
                error.transientKind().map(ErrorClass.TransientKind::label).orElse("other"),
                deepest.getClass().getSimpleName(),
                Instant.now());
    }

    /** Two characters, e.g. {@code 53}; null without a SQLSTATE. */
    public String sqlClass() {
        return sqlState == null ? null : sqlState.substring(0, Math.min(2, sqlState.length()));
    }

    /** e.g. {@code disk_full}; null without a SQLSTATE. */
    public String condition() {
        return sqlState == null ? null : SqlStates.conditionName(sqlState);
    }

    /** e.g. {@code insufficient_resources}; null without a SQLSTATE. */
    public String className() {
        return sqlState == null ? null : SqlStates.className(sqlState);
    }

    /** The {@code sqlstate} label of {@code migration_breaker_opened_total}: the SQLSTATE or {@code none}. */
    public String metricLabel() {
        return sqlState == null ? "none" : sqlState;
    }

    /** e.g. {@code SQLSTATE 53100 disk_full, class 53 insufficient_resources}. */
    public String describe() {
        if (sqlState == null) {
            return "no SQLSTATE, " + kind + " (" + type + ")";
        }
        return "SQLSTATE " + sqlState + " " + condition() + ", class " + sqlClass() + " " + className();
    }
}
