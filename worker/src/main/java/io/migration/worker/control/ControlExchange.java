package io.migration.worker.control;

import io.migration.common.db.SqlFiles;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.Database;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/** One transaction on the target: writes this worker's heartbeat row, reads the fleet's control row. */
final class ControlExchange {

    /** What this worker says of itself in the fleet's table. */
    record Beat(
            String state,
            String sourceBreaker,
            String targetBreaker,
            String breakerCause,
            Double paceLimit,
            double readRate,
            String slowdown,
            int inFlight) {}

    private final Jdbi target;
    private final FleetHeartbeat.Identity identity;
    private final Duration interval;

    ControlExchange(Jdbi target, FleetHeartbeat.Identity identity, Duration interval) {
        this.target = target;
        this.identity = identity;
        this.interval = interval;
    }

    static String state(Breakers breakers, Database db) {
        return breakers.of(db).getState().name().toLowerCase();
    }

    ControlRow exchange(Beat beat) {
        return target.inTransaction(h -> {
            h.createUpdate(SqlFiles.get("fleet/heartbeat"))
                    .bind("fleet", identity.fleet())
                    .bind("worker", identity.worker())
                    .bind("consumers", identity.consumers())
                    .bind("state", beat.state())
                    .bind("sourceBreaker", beat.sourceBreaker())
                    .bind("targetBreaker", beat.targetBreaker())
                    .bind("breakerCause", beat.breakerCause())
                    .bind("paceLimit", beat.paceLimit())
                    .bind("readRate", beat.readRate())
                    .bind("slowdown", beat.slowdown())
                    .bind("inFlight", beat.inFlight())
                    .execute();
            return h.createQuery(SqlFiles.get("fleet/control"))
                    .bind("fleet", identity.fleet())
                    .bind("liveSeconds", Math.max(5.0, interval.toMillis() * 3 / 1000.0))
                    .map((rs, ctx) -> new ControlRow(
                            (Long) rs.getObject("rows_per_second", Long.class),
                            rs.getBoolean("paused"),
                            rs.getInt("live_consumers"),
                            rs.getInt("live_workers")))
                    .one();
        });
    }

    /** Takes this worker out of the fleet's table as it stops. */
    void forget() {
        target.useHandle(h -> h.createUpdate(SqlFiles.get("fleet/forget-worker"))
                .bind("fleet", identity.fleet())
                .bind("worker", identity.worker())
                .execute());
    }
}
