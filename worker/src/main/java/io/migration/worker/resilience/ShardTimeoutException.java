package io.migration.worker.resilience;

/**
 * A statement of a shard outlasted its database's statement timeout (57014) while that database
 * answered a probe right after: the shard is too large or too slow for the timeout, and it will
 * time out again. It is the shard's own failure (an attempt, never a breaker's), not an outage.
 */
public final class ShardTimeoutException extends Exception {

    private final Database database;

    ShardTimeoutException(Database database, Throwable timeout) {
        super("statement timeout while the " + database.label() + " answers", timeout, false, false);
        this.database = database;
    }

    public Database database() {
        return database;
    }

    /** What the operator can do about it, for the dead letter and the log. */
    String advice() {
        return " although the " + database.label() + " answers: raise " + database.name()
                + "_DB_STATEMENT_TIMEOUT or enqueue with a smaller --shard-rows";
    }
}
