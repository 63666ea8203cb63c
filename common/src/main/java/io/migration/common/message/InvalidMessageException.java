package io.migration.common.message;

/** A message the worker will never be able to process: dead-lettered at once with {@link #reason()}. */
public final class InvalidMessageException extends Exception {

    /** Why a message was refused; the code goes into the dead letter's headers. */
    public enum Reason {
        MALFORMED("malformed_message"),
        UNSUPPORTED_VERSION("unsupported_version"),
        UNKNOWN_TABLE("unknown_table"),
        UNKNOWN_MODE("unknown_mode"),
        UNKNOWN_COMPANY("unknown_company"),
        INVALID_SHARD("invalid_shard");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public InvalidMessageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
