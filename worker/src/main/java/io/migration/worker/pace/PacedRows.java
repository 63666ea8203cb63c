package io.migration.worker.pace;

/** Counts rows as they are read or written and asks the {@link Pacer} per chunk, never per row nor per shard. */
public final class PacedRows {

    /** Rows per {@link Pacer#acquire} call. */
    public static final int CHUNK = 1_000;

    private final Pacer pacer;
    private int pending;

    public PacedRows(Pacer pacer) {
        this.pacer = pacer;
    }

    public void row() throws InterruptedException {
        if (++pending == CHUNK) {
            pacer.acquire(pending);
            pending = 0;
        }
    }

    public void flush() throws InterruptedException {
        if (pending > 0) {
            pacer.acquire(pending);
            pending = 0;
        }
    }
}
