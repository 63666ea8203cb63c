package io.migration.worker.health;

import com.codahale.metrics.health.HealthCheck;
import io.migration.worker.amqp.ConsumerPool;

/** Healthy while the broker connection and every consumer are up. */
public final class BrokerHealthCheck extends HealthCheck {

    private final ConsumerPool consumers;

    public BrokerHealthCheck(ConsumerPool consumers) {
        this.consumers = consumers;
    }

    @Override
    protected Result check() {
        return consumers.healthy() ? Result.healthy("consuming, " + consumers.inFlight() + " shard(s) in flight")
                : Result.unhealthy("not connected to the broker, or a consumer is closed");
    }
}
