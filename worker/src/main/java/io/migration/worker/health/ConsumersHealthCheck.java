package io.migration.worker.health;

import com.codahale.metrics.health.HealthCheck;
import io.migration.worker.amqp.ConsumerPool;
import io.migration.worker.resilience.FleetGate;

/**
 * Ready while the worker consumes what it should: every consumer subscribed, or deliberately
 * none (the fleet paused, a breaker open: then it says why). Red when consumers are missing
 * although nothing stops them (the broker cancelled them and re-subscribing fails).
 */
public final class ConsumersHealthCheck extends HealthCheck {

    private final ConsumerPool consumers;
    private final FleetGate gate;

    public ConsumersHealthCheck(ConsumerPool consumers, FleetGate gate) {
        this.consumers = consumers;
        this.gate = gate;
    }

    @Override
    protected Result check() {
        String problem = consumers.consumptionProblem();
        if (!problem.isEmpty()) {
            return Result.unhealthy(problem);
        }
        String shut = gate.closedReason();
        return Result.healthy(
                shut.isEmpty()
                        ? consumers.activeConsumers() + " consumer(s), " + consumers.inFlight() + " shard(s) in flight"
                        : "not consuming on purpose: " + shut);
    }
}
