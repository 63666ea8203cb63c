package io.migration.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.migration.worker.resilience.TransientErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How the worker consumes: threads, prefetch, attempts, in-process retries and the stop grace period. */
public final class ConsumerFactory {

    @Min(1)
    @Max(64)
    private int threads = 2;
    @Min(1)
    @Max(100)
    private int prefetch = 1;
    /** Deliveries of one task before it is dead-lettered. */
    @Min(1)
    @Max(40)
    private int maxAttempts = 3;
    /** In-process tries of one delivery on transient errors (deadlock, lost connection) before it is requeued. */
    @Min(1)
    @Max(20)
    private int transientRetries = 5;
    private Duration retryBackoff = Duration.milliseconds(500);
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

    @JsonProperty
    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    @JsonProperty
    public java.time.Duration getShutdownGracePeriod() {
        return java.time.Duration.ofMillis(shutdownGracePeriod.toMilliseconds());
    }

    @JsonProperty
    public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
        this.shutdownGracePeriod = shutdownGracePeriod;
    }

    /** Exponential backoff, only on errors that can pass (TransientErrors). */
    public Retry buildRetry(String name) {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(transientRetries)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retryBackoff.toMilliseconds(), 2.0, 0.3,
                        10_000L))
                .retryOnException(TransientErrors::isTransient)
                .build();
        return Retry.of(name, config);
    }
}
