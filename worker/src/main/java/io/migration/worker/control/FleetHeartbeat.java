package io.migration.worker.control;

import io.dropwizard.lifecycle.Managed;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.migration.common.db.SqlFiles;
import io.migration.worker.metrics.CutoverGauges;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.metrics.WorkerMetrics.RunProgressRow;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.FleetPace;
import io.migration.worker.resilience.SourceHealth;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every control interval: reads the source's health signal, tells the fleet this worker is alive
 * (and what it does), reads the operator's throttle and pause, re-computes this worker's share of
 * the budget; every few intervals, reads the fleet's run progress and cutovers from the ledger
 * for the gauges. The two calls go through the breakers, so they
 * are also the probes that close a half-open breaker once its database answers (and, the
 * heartbeat being a write, once the target is writable again).
 */
public final class FleetHeartbeat implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(FleetHeartbeat.class);
    private static final int PROGRESS_EVERY = 5;

    /** Who this worker is, for the heartbeat. */
    public record Identity(String fleet, String worker, int consumers) {}

    private final Identity identity;
    private final Duration interval;
    private final long defaultBudget;
    private final Jdbi target;
    private final Breakers breakers;
    private final FleetGate gate;
    private final FleetPace pace;
    private final SourceHealth health;
    private final InFlightShards inFlight;
    private final WorkerMetrics metrics;
    private final CutoverFiguresQuery cutoverFigures;
    private final CutoverGauges cutoverGauges;
    private final Supplier<String> state;
    private ScheduledExecutorService scheduler;
    private volatile ControlRow control = new ControlRow(null, false, 0, 0);
    private long ticks;
    private long lastRows;
    private long lastTick = System.nanoTime();
    private volatile double readRate;
    private String targetProblem;
    private String sourceProblem;

    /** The fleet's control row and its live consumers, as last read. */
    record ControlRow(Long rowsPerSecond, boolean paused, int liveConsumers, int liveWorkers) {}

    public FleetHeartbeat(
            Identity identity,
            Duration interval,
            long defaultBudget,
            Jdbi target,
            Breakers breakers,
            FleetGate gate,
            FleetPace pace,
            SourceHealth health,
            InFlightShards inFlight,
            WorkerMetrics metrics,
            Supplier<String> state) {
        this.identity = identity;
        this.interval = interval;
        this.defaultBudget = defaultBudget;
        this.target = target;
        this.breakers = breakers;
        this.gate = gate;
        this.pace = pace;
        this.health = health;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.state = state;
        this.cutoverFigures = new CutoverFiguresQuery(target);
        this.cutoverGauges = new CutoverGauges(metrics.registry());
        pace.update(defaultBudget, identity.consumers(), identity.consumers(), 0);
        registerGauges();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-heartbeat");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
        try {
            target.useHandle(h -> h.createUpdate(SqlFiles.get("fleet/forget-worker"))
                    .bind("fleet", identity.fleet())
                    .bind("worker", identity.worker())
                    .execute());
        } catch (RuntimeException e) {
            LOG.debug("could not remove this worker from the fleet's table: {}", e.getMessage());
        }
    }

    /** Source rows per second this worker read over the last interval. */
    public double readRate() {
        return readRate;
    }

    void tick() {
        try {
            measureRate();
            checkSource();
            exchangeWithTarget();
            if (ticks++ % PROGRESS_EVERY == 0) {
                reportRunProgress();
                reportCutovers();
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("heartbeat failed: {}", ErrorClassifier.classify(e).summary());
        }
    }

    private void measureRate() {
        long now = System.nanoTime();
        long rows = pace.rowsRead();
        double seconds = (now - lastTick) / 1e9;
        readRate = seconds > 0 ? (rows - lastRows) / seconds : 0;
        lastRows = rows;
        lastTick = now;
    }

    private void checkSource() {
        try {
            breakers.call(Database.SOURCE, () -> {
                health.check();
                return null;
            });
            if (sourceProblem != null) {
                LOG.info("the source answers again");
                sourceProblem = null;
            }
        } catch (CallNotPermittedException e) {
            // Open: nothing to probe until it turns half-open by itself.
        } catch (Exception e) {
            sourceProblem = reportOnce(sourceProblem, "source", e);
        }
    }

    private void exchangeWithTarget() {
        try {
            ControlRow row = breakers.call(Database.TARGET, this::exchange);
            apply(row);
            if (targetProblem != null) {
                LOG.info("the target answers again");
                targetProblem = null;
            }
        } catch (CallNotPermittedException e) {
            // Open: the last throttle and pause stay in force.
        } catch (Exception e) {
            targetProblem = reportOnce(targetProblem, "target", e);
        }
    }

    private ControlRow exchange() {
        return target.inTransaction(h -> {
            h.createUpdate(SqlFiles.get("fleet/heartbeat"))
                    .bind("fleet", identity.fleet())
                    .bind("worker", identity.worker())
                    .bind("consumers", identity.consumers())
                    .bind("state", state.get())
                    .bind(
                            "sourceBreaker",
                            breakers.of(Database.SOURCE).getState().name().toLowerCase())
                    .bind(
                            "targetBreaker",
                            breakers.of(Database.TARGET).getState().name().toLowerCase())
                    .bind("breakerCause", breakers.describeCauses())
                    .bind("paceLimit", pace.limit() > 0 ? pace.limit() : null)
                    .bind("readRate", readRate)
                    .bind("slowdown", health.slowdownReason())
                    .bind("inFlight", inFlight.count())
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

    private void apply(ControlRow row) {
        ControlRow before = control;
        control = row;
        long budget = row.rowsPerSecond() != null ? row.rowsPerSecond() : defaultBudget;
        pace.update(budget, identity.consumers(), Math.max(identity.consumers(), row.liveConsumers()), readRate);
        if (!java.util.Objects.equals(before.rowsPerSecond(), row.rowsPerSecond())) {
            LOG.info(
                    "fleet budget: {}; this worker's share: {}",
                    budget > 0 ? budget + " rows/s" : "unlimited",
                    pace.limit() > 0 ? String.format("%.0f rows/s", pace.limit()) : "unlimited");
        }
        if (before.paused() != row.paused()) {
            LOG.info(
                    row.paused()
                            ? "the operator paused the fleet: in-flight shards stop and wait"
                            : "the operator resumed the fleet");
        }
        gate.setPaused(row.paused());
    }

    private void reportRunProgress() {
        try {
            List<RunProgressRow> rows = breakers.call(
                    Database.TARGET,
                    () -> target.withHandle(h -> h.createQuery(SqlFiles.get("fleet/run-progress"))
                            .map((rs, ctx) -> new RunProgressRow(
                                    rs.getString("run_id"),
                                    rs.getLong("waiting"),
                                    rs.getLong("running"),
                                    rs.getLong("succeeded"),
                                    rs.getLong("dead"),
                                    rs.getLong("rows_left")))
                            .list()));
            metrics.runProgress(rows);
        } catch (Exception e) {
            LOG.debug("run progress not read: {}", e.getMessage());
        }
    }

    private void reportCutovers() {
        try {
            cutoverGauges.update(breakers.call(Database.TARGET, cutoverFigures::read));
        } catch (Exception e) {
            LOG.debug("cutovers not read: {}", e.getMessage());
        }
    }

    private String reportOnce(String previous, String database, Exception e) {
        String problem = ErrorClassifier.classify(e).summary();
        if (previous == null) {
            LOG.warn(
                    "the {} does not answer the heartbeat: {}; the last throttle and pause stay in force",
                    database,
                    problem);
        }
        return problem;
    }

    private void registerGauges() {
        metrics.gauge("migration.fleet.budget.rows.per.second", "The fleet's budget now; 0: unlimited", pace::budget);
        metrics.gauge(
                "migration.pace.limit.rows.per.second",
                "This worker's share after slowdown; 0: unlimited",
                pace::limit);
        metrics.gauge(
                "migration.fleet.paused", "1 while the operator has paused the fleet", () -> control.paused() ? 1 : 0);
        metrics.gauge(
                "migration.source.slowdown.factor",
                "1 at full pace; below while the source is unhealthy",
                pace::slowdown);
        metrics.gauge("migration.source.health.signal", "Last value of the source's health signal", health::lastSignal);
        metrics.gauge(
                "migration.live.workers",
                "Workers of this fleet seen in the last heartbeat window",
                () -> control.liveWorkers());
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
