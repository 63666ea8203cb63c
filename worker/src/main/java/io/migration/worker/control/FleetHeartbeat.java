package io.migration.worker.control;

import io.dropwizard.lifecycle.Managed;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.Database;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.FleetPace;
import io.migration.worker.resilience.SourceHealth;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every control interval: samples the read rate, reads the source's health signal, tells the fleet
 * this worker is alive (and what it does) and reads the operator's throttle and pause ({@link
 * ControlExchange}), re-computes this worker's share of the budget; every few intervals, reads the
 * fleet's run progress and cutovers ({@link FleetProgress}). The calls go through the breakers, so
 * they are also the probes that close a half-open breaker once its database answers (and, the
 * heartbeat being a write, once the target is writable again).
 */
public final class FleetHeartbeat implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(FleetHeartbeat.class);
    private static final int PROGRESS_EVERY = 5;

    /** Who this worker is, for the heartbeat. */
    public record Identity(String fleet, String worker, int consumers) {}

    /** Who beats, how often, and the fleet's budget when the operator set none (0: unlimited). */
    public record Settings(Identity identity, Duration interval, long defaultBudget) {}

    /** What the heartbeat reads and steers: the breakers it probes through, the gate, the pace. */
    public record Steering(Breakers breakers, FleetGate gate, FleetPace pace, SourceHealth health) {}

    private final Settings settings;
    private final Steering steering;
    private final InFlightShards inFlight;
    private final Supplier<String> state;
    private final ControlExchange exchange;
    private final FleetProgress progress;
    private final ReadRate readRate = new ReadRate(System.nanoTime());
    private final Unanswered source = new Unanswered("source");
    private final Unanswered target = new Unanswered("target");
    private ScheduledExecutorService scheduler;
    private volatile ControlRow control = ControlRow.NONE;
    private long ticks;

    public FleetHeartbeat(
            Settings settings,
            Jdbi targetDb,
            Steering steering,
            InFlightShards inFlight,
            WorkerMetrics metrics,
            Supplier<String> state) {
        this.settings = settings;
        this.steering = steering;
        this.inFlight = inFlight;
        this.state = state;
        this.exchange = new ControlExchange(targetDb, settings.identity(), settings.interval());
        this.progress = new FleetProgress(targetDb, steering.breakers(), metrics);
        int consumers = settings.identity().consumers();
        steering.pace().update(settings.defaultBudget(), consumers, consumers, 0);
        HeartbeatMeters.register(metrics, steering.pace(), steering.health(), inFlight, () -> control);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet-heartbeat");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
        try {
            exchange.forget();
        } catch (RuntimeException e) {
            LOG.debug("could not remove this worker from the fleet's table: {}", e.getMessage());
        }
    }

    /** Source rows per second this worker read over the last interval. */
    public double readRate() {
        return readRate.rate();
    }

    void tick() {
        try {
            readRate.sample(steering.pace().rowsRead(), System.nanoTime());
            checkSource();
            exchangeWithTarget();
            if (ticks++ % PROGRESS_EVERY == 0) {
                progress.report();
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("heartbeat failed: {}", ErrorClassifier.classify(e).summary());
        }
    }

    private void checkSource() {
        try {
            steering.breakers().call(Database.SOURCE, () -> {
                steering.health().check();
                return null;
            });
            source.answered();
        } catch (CallNotPermittedException e) {
            // Open: nothing to probe until it turns half-open by itself.
        } catch (Exception e) {
            source.failed(e);
        }
    }

    private void exchangeWithTarget() {
        try {
            ControlRow row = steering.breakers().call(Database.TARGET, () -> exchange.exchange(beat()));
            apply(row);
            target.answered();
        } catch (CallNotPermittedException e) {
            // Open: the last throttle and pause stay in force.
        } catch (Exception e) {
            target.failed(e);
        }
    }

    private ControlExchange.Beat beat() {
        Breakers breakers = steering.breakers();
        FleetPace pace = steering.pace();
        return new ControlExchange.Beat(
                state.get(),
                ControlExchange.state(breakers, Database.SOURCE),
                ControlExchange.state(breakers, Database.TARGET),
                breakers.describeCauses(),
                pace.limit() > 0 ? pace.limit() : null,
                readRate.rate(),
                steering.health().slowdownReason(),
                inFlight.count());
    }

    private void apply(ControlRow row) {
        ControlRow before = control;
        control = row;
        FleetPace pace = steering.pace();
        int consumers = settings.identity().consumers();
        long budget = row.budget(settings.defaultBudget());
        pace.update(budget, consumers, row.liveConsumersWith(consumers), readRate.rate());
        if (!Objects.equals(before.rowsPerSecond(), row.rowsPerSecond())) {
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
        steering.gate().setPaused(row.paused());
    }
}
