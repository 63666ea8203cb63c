package io.migration.worker.health;

import com.codahale.metrics.health.HealthCheck;
import io.migration.worker.amqp.ConsumerPool;

/**
 * Liveness: the worker's processing threads exist. A database or broker outage does not fail
 * it (those pause the worker, they do not call for a restart).
 */
public final class ProcessingHealthCheck extends HealthCheck {

    private final ConsumerPool consumers;

    public ProcessingHealthCheck(ConsumerPool consumers) {
        this.consumers = consumers;
    }

    @Override
    protected Result check() {
        return consumers.processingAlive() ? Result.healthy() : Result.unhealthy("processing threads are gone");
    }
}
