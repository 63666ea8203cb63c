package io.migration.worker.amqp;

import java.time.Duration;

/** What the pool's flags and the gate say of this worker, for the fleet's table and for health. */
final class PoolState {

    static final Duration IDLE_TOLERANCE = Duration.ofSeconds(15);

    private PoolState() {}

    /** The worker's state for the fleet's table: starting, consuming, paused, breaker_open, stopping. */
    static String of(boolean stopping, boolean consuming, boolean paused, boolean gateOpen) {
        if (stopping) {
            return "stopping";
        }
        if (!consuming) {
            return "starting";
        }
        if (paused) {
            return "paused";
        }
        return gateOpen ? "consuming" : "breaker_open";
    }

    /**
     * Empty when consuming as it should (or deliberately not, with the gate shut); otherwise what
     * is wrong, once consumers have been missing ({@code idleSince}, 0: none missing) for longer
     * than a reconcile or two.
     */
    static String consumptionProblem(boolean consuming, boolean stopping, long idleSince, long now) {
        if (!consuming) {
            return stopping ? "" : "not consuming yet";
        }
        if (idleSince != 0 && now - idleSince > IDLE_TOLERANCE.toNanos()) {
            return "consumers missing for " + (now - idleSince) / 1_000_000_000L + " s although the"
                    + " gate is open (broker cancelled them or refused a re-subscription)";
        }
        return "";
    }
}
