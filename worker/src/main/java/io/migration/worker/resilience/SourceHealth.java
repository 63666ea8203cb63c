package io.migration.worker.resilience;

import io.migration.worker.source.SourceReadException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source's health signal, read every control interval: the operator's throttle query (one
 * number, e.g. replication lag, in the manner of gh-ost) or else the latency of a trivial probe
 * query. Above its threshold the worker halves its pace (down to a floor); at or below it, it
 * recovers a tenth at a time: the fleet backs off by itself when production suffers, and says so.
 */
public final class SourceHealth {

    private static final Logger LOG = LoggerFactory.getLogger(SourceHealth.class);
    private static final String PROBE = "SELECT 1";

    private final DataSource source;
    private final Signal settings;
    private final FleetPace pace;
    private volatile double lastSignal;
    private volatile String slowdownReason;

    /**
     * What the signal is and when it says slow down (worker.yml, pace).
     *
     * @param throttleQuery one number (e.g. replication lag); empty: the probe's latency instead
     */
    public record Signal(
            String throttleQuery, double throttleThreshold, Duration latencyThreshold, double minSlowdownFactor) {}

    public SourceHealth(DataSource source, Signal settings, FleetPace pace) {
        this.source = source;
        this.settings = settings;
        this.pace = pace;
    }

    /** Reads the signal once and adjusts the pace; throws when the source does not answer. */
    public void check() throws SQLException {
        double signal = measure();
        lastSignal = signal;
        double threshold = threshold();
        double factor = pace.slowdown();
        if (signal > threshold) {
            double slower = Math.max(settings.minSlowdownFactor(), factor / 2);
            if (slower < factor) {
                slowdownReason = String.format(
                        Locale.ROOT,
                        "source %s %s > %s: pace %.0f%%",
                        signalName(),
                        format(signal),
                        format(threshold),
                        slower * 100);
                LOG.warn("{}: slowing this worker down", slowdownReason);
                pace.setSlowdown(slower);
            }
        } else if (factor < 1.0) {
            double faster = Math.min(1.0, factor + 0.1);
            pace.setSlowdown(faster);
            if (faster >= 1.0) {
                slowdownReason = null;
                LOG.info("source {} {} is back under {}: full pace", signalName(), format(signal), format(threshold));
            } else {
                slowdownReason = String.format(
                        Locale.ROOT,
                        "recovering after source %s above %s: pace %.0f%%",
                        signalName(),
                        format(threshold),
                        faster * 100);
            }
        }
    }

    /** Why the worker is slower than its share now; null at full pace. */
    public String slowdownReason() {
        return slowdownReason;
    }

    public double lastSignal() {
        return lastSignal;
    }

    private double measure() throws SQLException {
        String query = settings.throttleQuery();
        try (Connection conn = source.getConnection();
                Statement st = conn.createStatement()) {
            st.setQueryTimeout(30);
            // Timed from here: waiting for one of our own pooled connections says nothing of the source.
            long started = System.nanoTime();
            try (ResultSet rs = st.executeQuery(query.isEmpty() ? PROBE : query)) {
                double value = rs.next() ? rs.getDouble(1) : 0;
                return query.isEmpty() ? (System.nanoTime() - started) / 1e9 : value;
            }
        } catch (SQLException e) {
            throw new SourceReadException(e);
        }
    }

    private double threshold() {
        return settings.throttleQuery().isEmpty()
                ? settings.latencyThreshold().toNanos() / 1e9
                : settings.throttleThreshold();
    }

    private String signalName() {
        return settings.throttleQuery().isEmpty() ? "latency" : "throttle signal";
    }

    private String format(double value) {
        return settings.throttleQuery().isEmpty()
                ? String.format(Locale.ROOT, "%.3f s", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
