package io.migration.producer.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.TaskKey;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskMessageCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Publishes task messages with publisher confirms, a batch at a time: a batch counts as sent only
 * once the broker confirmed all of it, and only then is it reported to {@code onConfirmed}.
 */
public final class TaskPublisher implements AutoCloseable {

    private static final int BATCH = 200;
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

    private final Connection connection;
    private final Channel channel;
    private final Topology topology;

    public TaskPublisher(String amqpUri, Topology topology) throws IOException, TimeoutException {
        this.connection = AmqpConnections.open(amqpUri, "producer-enqueue", null);
        this.channel = connection.createChannel();
        this.topology = topology;
        topology.declare(channel);
        channel.confirmSelect();
    }

    public void publish(List<PlannedTask> tasks, RunMode mode, Consumer<List<TaskKey>> onConfirmed)
            throws IOException, InterruptedException, TimeoutException {
        List<TaskKey> batch = new ArrayList<>(BATCH);
        for (PlannedTask task : tasks) {
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .contentType("application/json")
                    .deliveryMode(2)
                    .messageId(task.runId() + "/" + task.toMessage(mode).taskKey())
                    .timestamp(new java.util.Date())
                    .build();
            channel.basicPublish(topology.workExchange(), Topology.TASK_ROUTING_KEY, props,
                    TaskMessageCodec.encode(task.toMessage(mode)));
            batch.add(task.key());
            if (batch.size() == BATCH) {
                confirm(batch, onConfirmed);
            }
        }
        confirm(batch, onConfirmed);
    }

    private void confirm(List<TaskKey> batch, Consumer<List<TaskKey>> onConfirmed)
            throws IOException, InterruptedException, TimeoutException {
        if (batch.isEmpty()) {
            return;
        }
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
        onConfirmed.accept(List.copyOf(batch));
        batch.clear();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
