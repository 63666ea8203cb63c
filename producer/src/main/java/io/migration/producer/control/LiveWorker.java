package io.migration.producer.control;

/** A worker's latest report in {@code migration.workers}; {@code paceLimit} null: unlimited. */
public record LiveWorker(
        String worker,
        String state,
        String sourceBreaker,
        String targetBreaker,
        Double paceLimit,
        double readRate,
        String slowdown,
        int inFlight) {

    public boolean breakerOpen() {
        return "breaker_open".equals(state) || isOpen(sourceBreaker) || isOpen(targetBreaker);
    }

    private static boolean isOpen(String breaker) {
        return breaker != null && (breaker.equalsIgnoreCase("open") || breaker.equalsIgnoreCase("half_open")
                || breaker.equalsIgnoreCase("forced_open"));
    }
}
