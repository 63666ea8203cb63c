package io.migration.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.migration.worker.resilience.Breakers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/**
 * The circuit breakers on the source and the target: how many transient failures open one, how
 * long it stays open before a probe may close it. Resilience4j's own default of 100 calls before
 * judging (FIELD-NOTES) is far too many for shards that each take seconds.
 */
public final class BreakerFactory {

    @Min(1)
    @Max(100)
    private int failureRateThreshold = 50;

    @Min(1)
    @Max(100)
    private int minimumCalls = 3;

    @Min(1)
    @Max(100)
    private int window = 10;

    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration openDuration = Duration.seconds(10);

    public int getFailureRateThreshold() {
        return failureRateThreshold;
    }

    @JsonProperty
    public void setFailureRateThreshold(int failureRateThreshold) {
        this.failureRateThreshold = failureRateThreshold;
    }

    public int getMinimumCalls() {
        return minimumCalls;
    }

    @JsonProperty
    public void setMinimumCalls(int minimumCalls) {
        this.minimumCalls = minimumCalls;
    }

    public int getWindow() {
        return window;
    }

    @JsonProperty
    public void setWindow(int window) {
        this.window = window;
    }

    public java.time.Duration getOpenDuration() {
        return java.time.Duration.ofMillis(openDuration.toMilliseconds());
    }

    @JsonProperty
    public void setOpenDuration(Duration openDuration) {
        this.openDuration = openDuration;
    }

    public Breakers.Settings settings() {
        return new Breakers.Settings(failureRateThreshold, minimumCalls, window, getOpenDuration());
    }
}
