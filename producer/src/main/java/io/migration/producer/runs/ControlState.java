package io.migration.producer.runs;

import java.time.Instant;

/** A fleet's row of {@code migration.fleet_control}; {@code rowsPerSecond} null: the workers' default. */
public record ControlState(Long rowsPerSecond, boolean paused, Instant updatedAt, String updatedBy) {

    /** What a fleet without a row does: the workers' default pace, not paused. */
    public static final ControlState DEFAULT = new ControlState(null, false, null, null);
}
