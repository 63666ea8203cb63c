package io.migration.worker.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.migration.worker.pace.PausedException;
import java.time.Duration;

/**
 * The in-process retry of transient errors: exponential backoff with jitter, on the worker's own
 * threads (never the broker client's delivery thread), and never retrying a call the breaker
 * refused (FIELD-NOTES: the retry wraps the breaker).
 */
public final class TransientRetry {

    private TransientRetry() {}

    public static RetryRegistry registry(int maxAttempts, Duration backoff, Duration maxBackoff) {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(backoff, 2.0, 0.5, maxBackoff))
                .retryOnException(t -> !(t instanceof CallNotPermittedException)
                        && !(t instanceof PausedException)
                        && ErrorClassifier.classify(t).isTransient())
                .build();
        return RetryRegistry.of(config);
    }

    public static Retry shardRetry(RetryRegistry registry) {
        return registry.retry("transient");
    }
}
