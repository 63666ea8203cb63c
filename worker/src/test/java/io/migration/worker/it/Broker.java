package io.migration.worker.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.Topology;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a test does on the broker by hand: publish raw bodies, look at and drain the queues. */
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

    public void publishRaw(byte[] body) throws Exception {
        channel.basicPublish(
                topology.workExchange(),
                Topology.TASK_ROUTING_KEY,
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .build(),
                body);
        channel.waitForConfirmsOrDie(5_000);
    }

    /** Publishes the message of a task, as `producer enqueue` does (confirmed). */
    public void publish(TaskMessage task) throws Exception {
        publishRaw(TaskMessageCodec.encode(task));
    }

    /** Takes every message now in the dead-letter queue. */
    public List<GetResponse> drainDeadLetters() throws Exception {
        List<GetResponse> out = new ArrayList<>();
        GetResponse r;
        while ((r = channel.basicGet(topology.deadQueue(), true)) != null) {
            out.add(r);
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
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (deadLetterCount() < out.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return out;
    }

    public long deadLetterCount() throws Exception {
        return channel.messageCount(topology.deadQueue());
    }

    /** Drops every message waiting in the work queue (a test then publishes them in its own order). */
    public void purgeWorkQueue() throws Exception {
        channel.queuePurge(topology.workQueue());
    }

    /** Messages ready in the work queue (not those delivered and not yet acknowledged). */
    public long workQueueCount() throws Exception {
        return channel.messageCount(topology.workQueue());
    }

    public long workQueueConsumers() throws Exception {
        return channel.consumerCount(topology.workQueue());
    }

    /** Whether the work queue exists now (a passive declare on a channel of its own). */
    public boolean workQueueExists() throws Exception {
        Channel probe = connection.createChannel();
        try {
            probe.queueDeclarePassive(topology.workQueue());
            probe.close();
            return true;
        } catch (java.io.IOException e) {
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
}
