package io.migration.worker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClass.TransientKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The worker's own metrics (docs/METRICS.md), on the registry the admin port serves. Labels are
 * bounded: tables, reasons, modes, groups, outcomes; never a company.
 */
public final class WorkerMetrics {

    /** How a delivery ended, the {@code outcome} label of {@code migration_tasks_total}. */
    public enum Outcome {
        SUCCEEDED,
        DUPLICATE,
        HANDED_BACK,
        FAILED_ATTEMPT,
        DEAD_LETTERED,
        INVALID;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Duration[] SHARD_BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Duration.ofSeconds(300),
        Duration.ofSeconds(600)
    };

    /** The {@code cause} label values of {@code migration_consumer_recoveries_total} (ConsumerPool). */
    private static final List<String> RECOVERY_CAUSES =
            List.of("broker_cancel", "channel_closed", "connection_recovered");

    private final PrometheusMeterRegistry registry;
    private final MultiGauge runTasks;
    private final MultiGauge runRowsLeft;

    public WorkerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.runTasks = MultiGauge.builder("migration.run.tasks")
                .description("Tasks of the fleet's active runs by state")
                .register(registry);
        this.runRowsLeft = MultiGauge.builder("migration.run.rows.left")
                .description("Estimated source rows still to read in each active run")
                .register(registry);
        // Known label values start at zero: a dashboard shows 0 errors, not "no data", before the first one.
        for (Database database : Database.values()) {
            for (TransientKind kind : TransientKind.values()) {
                transientErrors(database, kind);
            }
        }
        RECOVERY_CAUSES.forEach(this::recoveries);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void task(String mode, String group, Outcome outcome) {
        Counter.builder("migration.tasks")
                .description("Deliveries by how they ended")
                .tags("mode", mode, "group", group, "outcome", outcome.label())
                .register(registry)
                .increment();
    }

    /** A shard committed (or, for a dry run, ran to its rollback): its figures by table. */
    public void shardDone(
            String mode,
            String group,
            Duration took,
            Map<String, Long> readByTable,
            Map<String, Long> writtenByTable,
            Map<String, Map<String, Long>> rejectedByTableAndReason) {
        Timer.builder("migration.shard.duration")
                .description("Claim to commit of successful shards")
                .serviceLevelObjectives(SHARD_BUCKETS)
                .tags("mode", mode, "group", group)
                .register(registry)
                .record(took);
        readByTable.forEach((table, rows) -> Counter.builder("migration.source.rows.read")
                .description("Source rows read")
                .tag("table", table)
                .register(registry)
                .increment(rows));
        writtenByTable.forEach((table, rows) -> Counter.builder("migration.target.rows.written")
                .description("Target rows written by committed shards")
                .tag("table", table)
                .register(registry)
                .increment(rows));
        rejectedByTableAndReason.forEach(
                (table, reasons) -> reasons.forEach((reason, rows) -> Counter.builder("migration.rows.rejected")
                        .description("Source rows rejected by the rules")
                        .tags("table", table, "reason", reason)
                        .register(registry)
                        .increment(rows)));
    }

    public void transientError(Database database, TransientKind kind) {
        transientErrors(database, kind).increment();
    }

    /** A breaker opened; {@code sqlState}: the SQLSTATE that tripped it, or {@code none}. */
    public void breakerOpened(Database database, String sqlState) {
        Counter.builder("migration.breaker.opened")
                .description("Circuit breaker openings by the SQLSTATE that tripped them")
                .tags("database", database.label(), "sqlstate", sqlState)
                .register(registry)
                .increment();
    }

    public void consumerRecovered(String cause) {
        recoveries(cause).increment();
    }

    private Counter transientErrors(Database database, TransientKind kind) {
        return Counter.builder("migration.transient.errors")
                .description("Errors that pass by themselves, retried")
                .tags("database", database.label(), "kind", kind.label())
                .register(registry);
    }

    private Counter recoveries(String cause) {
        return Counter.builder("migration.consumer.recoveries")
                .description("Consumers re-created")
                .tag("cause", cause)
                .register(registry);
    }

    /** A gauge read from the worker's state at each scrape. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /**
     * A monotonic count read from {@code state} at each scrape. Micrometer holds {@code state}
     * weakly, so it must be an object the worker keeps (not a lambda made for the call).
     */
    public <T> void functionCounter(String name, String description, T state, ToDoubleFunction<T> count) {
        FunctionCounter.builder(name, state, count).description(description).register(registry);
    }

    /** Replaces the run progress gauges with the ledger's latest figures. */
    public void runProgress(List<RunProgressRow> rows) {
        List<MultiGauge.Row<?>> tasks = new ArrayList<>();
        List<MultiGauge.Row<?>> left = new ArrayList<>();
        for (RunProgressRow r : rows) {
            tasks.add(MultiGauge.Row.of(Tags.of("run_id", r.runId(), "state", "waiting"), r.waiting()));
            tasks.add(MultiGauge.Row.of(Tags.of("run_id", r.runId(), "state", "running"), r.running()));
            tasks.add(MultiGauge.Row.of(Tags.of("run_id", r.runId(), "state", "succeeded"), r.succeeded()));
            tasks.add(MultiGauge.Row.of(Tags.of("run_id", r.runId(), "state", "dead"), r.dead()));
            left.add(MultiGauge.Row.of(Tags.of("run_id", r.runId()), r.rowsLeft()));
        }
        runTasks.register(tasks, true);
        runRowsLeft.register(left, true);
    }

    /** One active run's figures. */
    public record RunProgressRow(String runId, long waiting, long running, long succeeded, long dead, long rowsLeft) {}
}
