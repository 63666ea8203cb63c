package io.migration.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.migration.worker.resilience.SourceHealth;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's pace: the budget all workers share (overridden live by `producer throttle`), how
 * often a worker reads the fleet's control row, and the source's health signal that slows the
 * fleet by itself (a throttle query in the manner of gh-ost, else the latency of a probe query).
 */
public final class PaceFactory {

    /** Source rows per second for the whole fleet; 0: unlimited. */
    @Min(0)
    private long rowsPerSecond;

    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration controlInterval = Duration.seconds(2);
    /** A query returning one number (e.g. replication lag in seconds); empty: probe latency instead. */
    private String sourceThrottleQuery = "";
    /** Above this value of the throttle query the fleet slows down. */
    private double sourceThrottleThreshold = 1.0;
    /** Without a throttle query: above this probe latency the fleet slows down. */
    @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    private Duration sourceLatencyThreshold = Duration.milliseconds(500);
    /** The slowest a worker goes on its own, as a share of its pace. */
    @DecimalMin("0.01")
    @DecimalMax("1.0")
    private double minSlowdownFactor = 0.05;

    public long getRowsPerSecond() {
        return rowsPerSecond;
    }

    @JsonProperty
    public void setRowsPerSecond(long rowsPerSecond) {
        this.rowsPerSecond = rowsPerSecond;
    }

    public java.time.Duration getControlInterval() {
        return java.time.Duration.ofMillis(controlInterval.toMilliseconds());
    }

    @JsonProperty
    public void setControlInterval(Duration controlInterval) {
        this.controlInterval = controlInterval;
    }

    public String getSourceThrottleQuery() {
        return sourceThrottleQuery == null ? "" : sourceThrottleQuery.trim();
    }

    @JsonProperty
    public void setSourceThrottleQuery(String sourceThrottleQuery) {
        this.sourceThrottleQuery = sourceThrottleQuery;
    }

    public double getSourceThrottleThreshold() {
        return sourceThrottleThreshold;
    }

    @JsonProperty
    public void setSourceThrottleThreshold(double sourceThrottleThreshold) {
        this.sourceThrottleThreshold = sourceThrottleThreshold;
    }

    public java.time.Duration getSourceLatencyThreshold() {
        return java.time.Duration.ofMillis(sourceLatencyThreshold.toMilliseconds());
    }

    @JsonProperty
    public void setSourceLatencyThreshold(Duration sourceLatencyThreshold) {
        this.sourceLatencyThreshold = sourceLatencyThreshold;
    }

    public double getMinSlowdownFactor() {
        return minSlowdownFactor;
    }

    @JsonProperty
    public void setMinSlowdownFactor(double minSlowdownFactor) {
        this.minSlowdownFactor = minSlowdownFactor;
    }

    public SourceHealth.Signal signal() {
        return new SourceHealth.Signal(
                getSourceThrottleQuery(), sourceThrottleThreshold, getSourceLatencyThreshold(), minSlowdownFactor);
    }
}
