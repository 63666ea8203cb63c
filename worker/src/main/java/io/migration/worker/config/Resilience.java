package io.migration.worker.config;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.ErrorClass;
import io.migration.worker.resilience.ErrorClassifier;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.FleetPace;
import io.migration.worker.resilience.TransientRetry;

/**
 * The worker's breakers, gate, pace and transient retry, built from worker.yml with their meters
 * bound: one of each per worker.
 */
public record Resilience(Breakers breakers, FleetGate gate, FleetPace pace, Retry retry) {

    public static Resilience build(WorkerConfiguration config, WorkerMetrics metrics) {
        ConsumerFactory consumer = config.getConsumer();
        Breakers breakers = new Breakers(config.getBreakers().settings());
        breakers.onOpened((db, cause) -> metrics.breakerOpened(db, cause.metricLabel()));
        FleetGate gate = new FleetGate(breakers);
        FleetPace pace = new FleetPace(gate);
        RetryRegistry retries = TransientRetry.registry(
                consumer.getTransientRetries(), consumer.getRetryBackoff(), consumer.getMaxRetryBackoff());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry())
                .bindTo(metrics.registry());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(pace.registry()).bindTo(metrics.registry());
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(metrics.registry());
        Retry retry = TransientRetry.shardRetry(retries);
        // Errors the in-process retry absorbs are transient errors too: count them as they happen.
        retry.getEventPublisher().onRetry(event -> {
            ErrorClass error = ErrorClassifier.classify(event.getLastThrowable());
            error.transientKind().ifPresent(kind -> metrics.transientError(error.database(), kind));
        });
        return new Resilience(breakers, gate, pace, retry);
    }
}
