package io.migration.common.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;

/**
 * The fleet's exchanges and queues, every name prefixed by {@code FLEET_NAME} so fleets can share
 * a broker. Both producer and worker declare it (declaring is idempotent).
 *
 * <p>Queues are durable quorum queues. The work queue dead-letters at least once (it needs
 * {@code x-overflow: reject-publish} for that, FIELD-NOTES) and has a generous delivery limit:
 * on RabbitMQ 3.10 every return counts, including a lost connection, so the worker, not the
 * limit, decides when a task has failed for good.
 */
public record Topology(String fleetName) {

    public static final String TASK_ROUTING_KEY = "task";
    public static final int DELIVERY_LIMIT = 50;

    public String workExchange() {
        return fleetName + ".work";
    }

    public String workQueue() {
        return fleetName + ".work";
    }

    public String deadExchange() {
        return fleetName + ".dead";
    }

    public String deadQueue() {
        return fleetName + ".dead";
    }

    public void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(deadExchange(), BuiltinExchangeType.FANOUT, true);
        channel.queueDeclare(deadQueue(), true, false, false, Map.of("x-queue-type", "quorum"));
        channel.queueBind(deadQueue(), deadExchange(), "");

        channel.exchangeDeclare(workExchange(), BuiltinExchangeType.DIRECT, true);
        channel.queueDeclare(
                workQueue(),
                true,
                false,
                false,
                Map.of(
                        "x-queue-type", "quorum",
                        "x-delivery-limit", DELIVERY_LIMIT,
                        "x-dead-letter-exchange", deadExchange(),
                        "x-dead-letter-strategy", "at-least-once",
                        "x-overflow", "reject-publish"));
        channel.queueBind(workQueue(), workExchange(), TASK_ROUTING_KEY);
    }
}
