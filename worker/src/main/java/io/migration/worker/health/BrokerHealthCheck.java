package io.migration.worker.health;

import com.codahale.metrics.health.HealthCheck;
import io.migration.worker.amqp.ConsumerPool;

/** Healthy while the broker connection is open (automatic recovery reconnects a lost one). */
public final class BrokerHealthCheck extends HealthCheck {

    private final ConsumerPool consumers;

    public BrokerHealthCheck(ConsumerPool consumers) {
        this.consumers = consumers;
    }

    @Override
    protected Result check() {
        return consumers.connected()
                ? Result.healthy("connected")
                : Result.unhealthy("not connected to the broker (recovering)");
    }
}
