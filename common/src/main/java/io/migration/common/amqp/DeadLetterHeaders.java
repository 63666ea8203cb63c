package io.migration.common.amqp;

/** Headers the worker puts on a dead letter so an operator can list, filter and replay it. */
public final class DeadLetterHeaders {

    /** Short machine-readable reason, e.g. {@code malformed_message}, {@code unknown_company}, {@code failed}. */
    public static final String REASON = "x-migration-reason";
    /** The error, one line, without row data or passwords. */
    public static final String ERROR = "x-migration-error";
    public static final String RUN_ID = "x-migration-run-id";
    public static final String COMPANY_ID = "x-migration-company-id";
    public static final String TASK = "x-migration-task";
    public static final String ATTEMPTS = "x-migration-attempts";
    public static final String WORKER = "x-migration-worker";
    public static final String FAILED_AT = "x-migration-failed-at";

    private DeadLetterHeaders() {
    }
}
