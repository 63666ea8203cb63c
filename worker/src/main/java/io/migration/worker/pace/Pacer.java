package io.migration.worker.pace;

/**
 * Paces a stream of rows to the fleet's budget. Readers and writers call {@link #acquire} once per
 * chunk of rows (a few hundred to a few thousand), never per row and never for a whole shard at
 * once, so a 50,000-row shard is not one burst.
 */
@FunctionalInterface
public interface Pacer {

    /** No limit: what tests and tools without a fleet use. */
    Pacer UNLIMITED = rows -> {};

    /**
     * Blocks until {@code rows} more rows may pass.
     *
     * @throws PausedException when the operator paused the fleet: the caller abandons the shard
     *     (its transaction rolls back) and the delivery is handed back without counting an attempt
     */
    void acquire(int rows) throws InterruptedException;
}
