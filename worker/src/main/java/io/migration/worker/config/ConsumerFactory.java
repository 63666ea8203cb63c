package io.migration.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.migration.worker.delivery.DeliveryDecision;
import io.migration.worker.delivery.DeliveryHandler;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/**
 * How the worker consumes: threads, prefetch, the bounds on attempts, retries and holding, and
 * the stop grace period. Defaults are the constants below (worker.yml repeats them).
 */
public final class ConsumerFactory {

    public static final int DEFAULT_THREADS = 2;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int DEFAULT_CRASH_LIMIT = 5;
    public static final int DEFAULT_TRANSIENT_RETRIES = 5;

    @Min(1)
    @Max(64)
    private int threads = DEFAULT_THREADS;

    @Min(1)
    @Max(100)
    private int prefetch = 1;
    /** The task's own failures (data, constraint, trigger, bug) before it is dead-lettered. */
    @Min(1)
    @Max(40)
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    /** Claims in a row without any recorded end (the worker died each time) before dead-lettering. */
    @Min(2)
    @Max(40)
    private int crashLimit = DEFAULT_CRASH_LIMIT;
    /** In-process tries of one step on a transient error while its breaker stays closed. */
    @Min(1)
    @Max(20)
    private int transientRetries = DEFAULT_TRANSIENT_RETRIES;

    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration retryBackoff = Duration.seconds(1);

    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration maxRetryBackoff = Duration.seconds(30);
    /**
     * How long a delivery may be held (unacknowledged, not running) while a breaker is open or the
     * fleet is paused, before it is handed back to the queue: well under the broker's consumer
     * timeout (30 minutes by default), which would otherwise requeue it and count a delivery.
     */
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration maxHold = Duration.minutes(10);
    /**
     * The most source rows one consumer thread holds (about 100 bytes of heap each): a larger shard is
     * read and written in parts. threads x this must fit the heap with room to spare.
     */
    @Min(1_000)
    private long maxShardRowsInMemory = 250_000;

    private Duration shutdownGracePeriod = Duration.seconds(25);

    @JsonProperty
    public int getThreads() {
        return threads;
    }

    @JsonProperty
    public void setThreads(int threads) {
        this.threads = threads;
    }

    @JsonProperty
    public int getPrefetch() {
        return prefetch;
    }

    @JsonProperty
    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    @JsonProperty
    public int getMaxAttempts() {
        return maxAttempts;
    }

    @JsonProperty
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @JsonProperty
    public int getCrashLimit() {
        return crashLimit;
    }

    @JsonProperty
    public void setCrashLimit(int crashLimit) {
        this.crashLimit = crashLimit;
    }

    @JsonProperty
    public int getTransientRetries() {
        return transientRetries;
    }

    @JsonProperty
    public long getMaxShardRowsInMemory() {
        return maxShardRowsInMemory;
    }

    @JsonProperty
    public void setMaxShardRowsInMemory(long maxShardRowsInMemory) {
        this.maxShardRowsInMemory = maxShardRowsInMemory;
    }

    @JsonProperty
    public void setTransientRetries(int transientRetries) {
        this.transientRetries = transientRetries;
    }

    public java.time.Duration getRetryBackoff() {
        return java.time.Duration.ofMillis(retryBackoff.toMilliseconds());
    }

    @JsonProperty
    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public java.time.Duration getMaxRetryBackoff() {
        return java.time.Duration.ofMillis(maxRetryBackoff.toMilliseconds());
    }

    @JsonProperty
    public void setMaxRetryBackoff(Duration maxRetryBackoff) {
        this.maxRetryBackoff = maxRetryBackoff;
    }

    public java.time.Duration getMaxHold() {
        return java.time.Duration.ofMillis(maxHold.toMilliseconds());
    }

    @JsonProperty
    public void setMaxHold(Duration maxHold) {
        this.maxHold = maxHold;
    }

    public java.time.Duration getShutdownGracePeriod() {
        return java.time.Duration.ofMillis(shutdownGracePeriod.toMilliseconds());
    }

    @JsonProperty
    public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
        this.shutdownGracePeriod = shutdownGracePeriod;
    }

    /** The bounds a delivery lives by, for the worker named {@code workerName}. */
    public DeliveryHandler.Settings deliverySettings(String workerName) {
        return new DeliveryHandler.Settings(
                workerName,
                getCrashLimit(),
                getRetryBackoff(),
                DeliveryDecision.Limits.of(getMaxAttempts(), getMaxHold(), getRetryBackoff(), getMaxRetryBackoff()));
    }
}
