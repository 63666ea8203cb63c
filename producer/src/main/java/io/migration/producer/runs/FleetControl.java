package io.migration.producer.runs;

import io.migration.common.db.SqlFiles;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The operator's side of {@code migration.fleet_control}: one row per fleet that every worker
 * polls every few seconds, so a throttle, pause or resume reaches the whole fleet while it runs.
 */
public final class FleetControl {

    private static final RowMapper<ControlState> STATE = (rs, ctx) -> new ControlState(
            rs.getObject("rows_per_second", Long.class), rs.getBoolean("paused"),
            rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));

    private final Jdbi jdbi;
    private final String fleet;

    public FleetControl(Jdbi jdbi, String fleet) {
        this.jdbi = jdbi;
        this.fleet = fleet;
    }

    public ControlState current() {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("runs/fleet-control"))
                        .bind("fleet", fleet)
                        .map(STATE)
                        .findOne())
                .orElse(ControlState.DEFAULT);
    }

    /** Sets the fleet's budget; {@code rowsPerSecond} null goes back to the workers' configured default. */
    public ControlState throttle(Long rowsPerSecond, String updatedBy) {
        if (rowsPerSecond != null && rowsPerSecond < 1) {
            throw new IllegalArgumentException("--rows-per-second must be positive");
        }
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("runs/set-throttle"))
                .bind("fleet", fleet)
                .bind("rowsPerSecond", rowsPerSecond)
                .bind("updatedBy", updatedBy)
                .map(STATE)
                .one());
    }

    public ControlState pause(String updatedBy) {
        return setPaused(true, updatedBy);
    }

    public ControlState resume(String updatedBy) {
        return setPaused(false, updatedBy);
    }

    private ControlState setPaused(boolean paused, String updatedBy) {
        return jdbi.withHandle(h -> h.createQuery(SqlFiles.get("runs/set-paused"))
                .bind("fleet", fleet)
                .bind("paused", paused)
                .bind("updatedBy", updatedBy)
                .map(STATE)
                .one());
    }
}
