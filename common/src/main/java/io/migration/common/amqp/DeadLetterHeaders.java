package io.migration.common.amqp;

/** Headers the worker puts on a dead letter so an operator can list, filter and replay it. */
public final class DeadLetterHeaders {

    /**
     * Short machine-readable reason: {@code malformed_message}, {@code unknown_table},
     * {@code unknown_task}, {@code invalid_shard}, {@code unknown_company}, {@code failed}
     * (attempts exhausted), {@code crash_loop}, …
     */
    public static final String REASON = "x-migration-reason";
    /** The error, one line, without row data or secrets. */
    public static final String ERROR = "x-migration-error";
    /** The error's class: a SQLSTATE class (e.g. {@code 23}) or {@code java}, {@code message}. */
    public static final String ERROR_CLASS = "x-migration-error-class";

    public static final String RUN_ID = "x-migration-run-id";
    public static final String COMPANY_ID = "x-migration-company-id";
    /** The task group ("table" of the message): lists, recipients, suppressions, … */
    public static final String TABLE = "x-migration-table";
    /** The shard's number within its task group (the task key says {@code 3of8}). */
    public static final String SHARD = "x-migration-shard";
    /** A short task key, e.g. {@code 42/recipients/3of8}. */
    public static final String TASK = "x-migration-task";

    public static final String ATTEMPTS = "x-migration-attempts";
    public static final String WORKER = "x-migration-worker";
    public static final String FAILED_AT = "x-migration-failed-at";

    private DeadLetterHeaders() {}
}
