package io.migration.testsupport;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.Topology;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a test does by hand on a fleet's queues (the test's own fleet name, so its own queues):
 * publish raw bodies, make dead letters as a worker or the broker would, look at, count, drain.
 */
public final class Broker implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final Topology topology;

    public Broker(String uri, String fleetName) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        this.connection = factory.newConnection("test-broker");
        this.channel = connection.createChannel();
        this.topology = new Topology(fleetName);
        topology.declare(channel);
        channel.confirmSelect();
    }

    public Topology topology() {
        return topology;
    }

    public void publishRaw(String body) throws Exception {
        publishRaw(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A body to the work queue, persistent and confirmed. */
    public void publishRaw(byte[] body) throws Exception {
        publish(topology.workExchange(), Topology.TASK_ROUTING_KEY, body, null);
    }

    /** Publishes the message of a task, as `producer enqueue` does (confirmed). */
    public void publish(TaskMessage task) throws Exception {
        publishRaw(TaskMessageCodec.encode(task));
    }

    /** A dead letter as the worker publishes it: the task's body with x-migration-* headers. */
    public void workerDeadLetter(byte[] body, Map<String, Object> headers) throws Exception {
        publish(topology.deadExchange(), "", body, headers);
    }

    /** A real broker dead letter: published to the work queue, then rejected without requeue (x-death only). */
    public void brokerDeadLetter(byte[] body) throws Exception {
        long before = deadLetterCount();
        publishRaw(body);
        GetResponse r = channel.basicGet(topology.workQueue(), false);
        channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
        long deadline = System.currentTimeMillis() + 10_000;
        while (deadLetterCount() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Takes every message now in the dead-letter queue. */
    public List<GetResponse> drainDeadLetters() throws Exception {
        return drain(topology.deadQueue());
    }

    /** Takes every message now in the work queue. */
    public List<GetResponse> drainWorkQueue() throws Exception {
        return drain(topology.workQueue());
    }

    /** Takes every message of the work queue, decoded as a worker would (what enqueue published). */
    public List<TaskMessage> drainTasks() throws Exception {
        List<TaskMessage> out = new ArrayList<>();
        for (GetResponse r : drainWorkQueue()) {
            out.add(TaskMessageCodec.decode(r.getBody()));
        }
        return out;
    }

    /**
     * Every message now in the dead-letter queue, left there: taken unacknowledged on a channel
     * of its own, which is then closed so the broker puts them back.
     */
    public List<GetResponse> peekDeadLetters() throws Exception {
        List<GetResponse> out = new ArrayList<>();
        try (Channel peek = connection.createChannel()) {
            GetResponse r;
            while ((r = peek.basicGet(topology.deadQueue(), false)) != null) {
                out.add(r);
            }
        }
        // A quorum queue applies the returns a moment after the channel closed: wait for them, so
        // that the next look (or a replay) finds every dead letter where it was.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deadLetterCount() < out.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return out;
    }

    public long deadLetterCount() throws Exception {
        return channel.messageCount(topology.deadQueue());
    }

    /**
     * The dead queue's count once it reached {@code expected}, or after 10 s: messages a command
     * left unacknowledged go back when its channel closes, which a quorum queue applies a moment later.
     */
    public long deadLetterCountSettledAt(long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        long count = deadLetterCount();
        while (count != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            count = deadLetterCount();
        }
        return count;
    }

    /** Messages ready in the work queue (not those delivered and not yet acknowledged). */
    public long workQueueCount() throws Exception {
        return channel.messageCount(topology.workQueue());
    }

    public long workQueueConsumers() throws Exception {
        return channel.consumerCount(topology.workQueue());
    }

    /** Drops every message waiting in the work queue (a test then publishes them in its own order). */
    public void purgeWorkQueue() throws Exception {
        channel.queuePurge(topology.workQueue());
    }

    /** Empties both queues, including messages a previous command's closed channel is still handing back. */
    public void purgeAll() throws Exception {
        int purged;
        do {
            purged = channel.queuePurge(topology.workQueue()).getMessageCount()
                    + channel.queuePurge(topology.deadQueue()).getMessageCount();
            Thread.sleep(100);
        } while (purged > 0 || workQueueCount() + deadLetterCount() > 0);
    }

    /** Whether the work queue exists now (a passive declare on a channel of its own). */
    public boolean workQueueExists() throws Exception {
        Channel probe = connection.createChannel();
        try {
            probe.queueDeclarePassive(topology.workQueue());
            probe.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the work queue with whatever it holds, under its consumers. */
    public void deleteWorkQueue() throws Exception {
        channel.queueDelete(topology.workQueue());
    }

    /**
     * Declares the fleet's topology with the arguments this code base uses: the broker refuses
     * (the call throws) if a queue of that name exists with other arguments.
     */
    public void declareTopology() throws Exception {
        try (Channel declare = connection.createChannel()) {
            topology.declare(declare);
        }
    }

    @Override
    public void close() throws Exception {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    /** Persistent JSON, confirmed: as the producer and the workers publish. */
    private void publish(String exchange, String routingKey, byte[] body, Map<String, Object> headers)
            throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType("application/json")
                .headers(headers)
                .build();
        channel.basicPublish(exchange, routingKey, properties, body);
        channel.waitForConfirmsOrDie(5_000);
    }

    private List<GetResponse> drain(String queue) throws Exception {
        List<GetResponse> out = new ArrayList<>();
        GetResponse r;
        while ((r = channel.basicGet(queue, true)) != null) {
            out.add(r);
        }
        return out;
    }
}
