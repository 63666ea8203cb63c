package io.migration.worker.control;

import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.resilience.FleetPace;
import io.migration.worker.resilience.SourceHealth;
import java.util.function.Supplier;

/** The gauges of what the heartbeat reads and sets: the budget, the pace, the pause, the fleet. */
final class HeartbeatMeters {

    private HeartbeatMeters() {}

    static void register(
            WorkerMetrics metrics,
            FleetPace pace,
            SourceHealth health,
            InFlightShards inFlight,
            Supplier<ControlRow> control) {
        metrics.gauge("migration.fleet.budget.rows.per.second", "The fleet's budget now; 0: unlimited", pace::budget);
        metrics.gauge(
                "migration.pace.limit.rows.per.second",
                "This worker's share after slowdown; 0: unlimited",
                pace::limit);
        metrics.gauge(
                "migration.fleet.paused",
                "1 while the operator has paused the fleet",
                () -> control.get().paused() ? 1 : 0);
        metrics.gauge(
                "migration.source.slowdown.factor",
                "1 at full pace; below while the source is unhealthy",
                pace::slowdown);
        metrics.gauge("migration.source.health.signal", "Last value of the source's health signal", health::lastSignal);
        metrics.gauge(
                "migration.live.workers",
                "Workers of this fleet seen in the last heartbeat window",
                () -> control.get().liveWorkers());
        metrics.gauge("migration.shards.in.flight", "Shards this worker is processing now", inFlight::count);
        metrics.gauge(
                "migration.rows.in.flight", "Source rows read by in-flight shards, not yet committed", inFlight::rows);
        // Counted as rows pass the pacer, so its rate is the pace now; rows.read counts at commit.
        metrics.functionCounter(
                "migration.source.rows.streamed",
                "Source rows that passed the pacer as they stream",
                pace,
                FleetPace::rowsRead);
    }
}
