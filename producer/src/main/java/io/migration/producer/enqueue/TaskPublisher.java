package io.migration.producer.enqueue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.TaskKey;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskMessageCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Publishes task messages with publisher confirms, a batch at a time: a batch counts as sent only
 * once the broker confirmed all of it, and only then is it reported to {@code onConfirmed}.
 * Messages are mandatory: one the broker cannot route (the work queue was deleted) comes back and
 * is never reported as sent. Under a memory or disk alarm the broker blocks publishing; that is
 * announced once and ends the publishing after {@code timeout}. Constructing one opens the
 * connection, declares the topology and turns confirms on, so a wrong broker fails before anything
 * is recorded.
 */
public final class TaskPublisher implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int BATCH = 200;
    private static final long WAIT_SLICE_MS = 500;

    private final Connection connection;
    private final Channel channel;
    private final Topology topology;
    private final Duration timeout;
    private final BlockedState blocked;
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private volatile String returnReason;

    public TaskPublisher(String amqpUri, Topology topology) throws IOException, TimeoutException {
        this(amqpUri, topology, DEFAULT_TIMEOUT, System.err::println);
    }

    /** {@code timeout}: for the broker's confirms, and for a blocked broker to unblock. */
    public TaskPublisher(String amqpUri, Topology topology, Duration timeout, Consumer<String> notices)
            throws IOException, TimeoutException {
        this.topology = topology;
        this.timeout = timeout;
        this.blocked = new BlockedState(timeout, notices);
        this.connection = AmqpConnections.open(amqpUri, "producer-enqueue", null);
        try {
            connection.addBlockedListener(blocked);
            this.channel = connection.createChannel();
            topology.declare(channel);
            channel.confirmSelect();
            channel.addReturnListener(r -> {
                returnReason = r.getReplyCode() + " " + r.getReplyText();
                returned.add(String.valueOf(r.getProperties().getMessageId()));
            });
        } catch (IOException | RuntimeException e) {
            connection.abort(1000);
            throw e;
        }
    }

    public void publish(List<PlannedTask> tasks, RunMode mode, Consumer<List<TaskKey>> onConfirmed)
            throws IOException, InterruptedException, TimeoutException {
        Map<String, TaskKey> batch = new LinkedHashMap<>();
        try {
            for (PlannedTask task : tasks) {
                blocked.awaitUnblocked();
                String messageId = task.runId() + "/" + task.toMessage(mode).taskKey();
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/json")
                        .deliveryMode(2)
                        .messageId(messageId)
                        .timestamp(new Date())
                        .build();
                channel.basicPublish(
                        topology.workExchange(),
                        Topology.TASK_ROUTING_KEY,
                        true,
                        props,
                        TaskMessageCodec.encode(task.toMessage(mode)));
                batch.put(messageId, task.key());
                if (batch.size() == BATCH) {
                    confirm(batch, onConfirmed);
                }
            }
            confirm(batch, onConfirmed);
        } catch (ShutdownSignalException e) {
            throw new PublishFailure("lost the connection to the broker while publishing: " + e.getMessage(), e);
        }
    }

    private void confirm(Map<String, TaskKey> batch, Consumer<List<TaskKey>> onConfirmed)
            throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        boolean allAcked = awaitConfirms();
        List<TaskKey> routed = new ArrayList<>();
        batch.forEach((messageId, key) -> {
            if (!returned.contains(messageId)) {
                routed.add(key);
            }
        });
        int unroutable = batch.size() - routed.size();
        batch.clear();
        if (!allAcked) {
            throw new PublishFailure("the broker refused (nacked) messages of a batch; none of it is marked published");
        }
        onConfirmed.accept(List.copyOf(routed));
        if (unroutable > 0) {
            throw new PublishFailure("the broker could not route " + unroutable + " message(s) to queue "
                    + topology.workQueue() + " (" + returnReason + "): is the queue or its binding deleted?");
        }
    }

    /** Waits for every outstanding confirm; true when all were acks. */
    private boolean awaitConfirms() throws InterruptedException, PublishFailure {
        long started = System.nanoTime();
        while (true) {
            try {
                return channel.waitForConfirms(WAIT_SLICE_MS);
            } catch (TimeoutException e) {
                blocked.checkNotExpired();
                if (blocked.blocked()) {
                    started = System.nanoTime();
                } else if (System.nanoTime() - started > timeout.toNanos()) {
                    throw new PublishFailure(
                            "the broker did not confirm the messages within " + timeout.toSeconds() + " s");
                }
            }
        }
    }

    @Override
    public void close() {
        // A blocked broker reads nothing, not even our close: do not wait for it long.
        connection.abort(blocked.blocked() ? 1000 : 5000);
    }
}
