package io.migration.producer.runs;

/**
 * A worker's latest report in {@code migration.workers}; {@code paceLimit} null: unlimited;
 * {@code breakerCause}: why its open breakers opened (SQLSTATE, class, condition), null when none is.
 */
public record LiveWorker(
        String worker,
        String state,
        String sourceBreaker,
        String targetBreaker,
        Double paceLimit,
        double readRate,
        String slowdown,
        int inFlight,
        String breakerCause) {

    /** A report without a breaker cause (every breaker closed, or a worker from before V6). */
    public LiveWorker(
            String worker,
            String state,
            String sourceBreaker,
            String targetBreaker,
            Double paceLimit,
            double readRate,
            String slowdown,
            int inFlight) {
        this(worker, state, sourceBreaker, targetBreaker, paceLimit, readRate, slowdown, inFlight, null);
    }

    public boolean breakerOpen() {
        return "breaker_open".equals(state) || isOpen(sourceBreaker) || isOpen(targetBreaker);
    }

    private static boolean isOpen(String breaker) {
        return breaker != null
                && (breaker.equalsIgnoreCase("open")
                        || breaker.equalsIgnoreCase("half_open")
                        || breaker.equalsIgnoreCase("forced_open"));
    }
}
