package io.migration.worker.control;

/** Source rows per second this worker read between two samples of the pacer's running count. */
final class ReadRate {

    private long lastRows;
    private long lastNanos;
    private volatile double rate;

    ReadRate(long startNanos) {
        this.lastNanos = startNanos;
    }

    /** Takes a sample: {@code rows} read so far at {@code nanos}; returns the rate since the last one. */
    double sample(long rows, long nanos) {
        double seconds = (nanos - lastNanos) / 1e9;
        rate = seconds > 0 ? (rows - lastRows) / seconds : 0;
        lastRows = rows;
        lastNanos = nanos;
        return rate;
    }

    double rate() {
        return rate;
    }
}
