package io.migration.worker.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.Topology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a test does on the broker by hand: publish raw bodies, drain the dead-letter queue. */
final class Broker implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final Topology topology;

    Broker(String uri, String fleetName) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        this.connection = factory.newConnection("test-broker");
        this.channel = connection.createChannel();
        this.topology = new Topology(fleetName);
        topology.declare(channel);
        channel.confirmSelect();
    }

    void publishRaw(String body) throws Exception {
        publishRaw(body.getBytes(StandardCharsets.UTF_8));
    }

    void publishRaw(byte[] body) throws Exception {
        channel.basicPublish(topology.workExchange(), Topology.TASK_ROUTING_KEY,
                new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json").build(), body);
        channel.waitForConfirmsOrDie(5_000);
    }

    /** Takes every message now in the dead-letter queue. */
    List<GetResponse> drainDeadLetters() throws Exception {
        List<GetResponse> out = new ArrayList<>();
        GetResponse r;
        while ((r = channel.basicGet(topology.deadQueue(), true)) != null) {
            out.add(r);
        }
        return out;
    }

    long deadLetterCount() throws Exception {
        return channel.messageCount(topology.deadQueue());
    }

    /** Drops every message waiting in the work queue (a test then publishes them in its own order). */
    void purgeWorkQueue() throws Exception {
        channel.queuePurge(topology.workQueue());
    }

    long workQueueCount() throws Exception {
        return channel.messageCount(topology.workQueue());
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
