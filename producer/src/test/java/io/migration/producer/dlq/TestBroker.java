package io.migration.producer.dlq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a test does on the broker by hand: dead letters as a worker or the broker makes them, counts, peeks. */
final class TestBroker implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final Topology topology;

    TestBroker(String uri, Topology topology) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        this.connection = factory.newConnection("test-broker");
        this.channel = connection.createChannel();
        this.topology = topology;
        topology.declare(channel);
        channel.confirmSelect();
    }

    /** A dead letter as the worker publishes it: the task's body with x-migration-* headers. */
    void workerDeadLetter(byte[] body, Map<String, Object> headers) throws Exception {
        channel.basicPublish(
                topology.deadExchange(),
                "",
                new AMQP.BasicProperties.Builder()
                        .deliveryMode(2)
                        .contentType("application/json")
                        .headers(headers)
                        .build(),
                body);
        channel.waitForConfirmsOrDie(5_000);
    }

    /** A real broker dead letter: published to the work queue, then rejected without requeue (x-death only). */
    void brokerDeadLetter(byte[] body) throws Exception {
        long before = count(topology.deadQueue());
        publishToWork(body);
        GetResponse r = channel.basicGet(topology.workQueue(), false);
        channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
        long deadline = System.currentTimeMillis() + 10_000;
        while (count(topology.deadQueue()) == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    void publishToWork(byte[] body) throws Exception {
        channel.basicPublish(
                topology.workExchange(),
                Topology.TASK_ROUTING_KEY,
                new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                body);
        channel.waitForConfirmsOrDie(5_000);
    }

    long deadCount() throws Exception {
        return count(topology.deadQueue());
    }

    /**
     * The dead queue's count once it reached {@code expected}, or after 10 s: messages a command
     * left unacknowledged go back when its channel closes, which a quorum queue applies a moment later.
     */
    long deadCountSettledAt(long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        long count = deadCount();
        while (count != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            count = deadCount();
        }
        return count;
    }

    long workCount() throws Exception {
        return count(topology.workQueue());
    }

    /** Takes every message of the work queue. */
    List<GetResponse> drainWork() throws Exception {
        List<GetResponse> out = new ArrayList<>();
        GetResponse r;
        while ((r = channel.basicGet(topology.workQueue(), true)) != null) {
            out.add(r);
        }
        return out;
    }

    /** Empties both queues, including messages a previous command's closed channel is still handing back. */
    void purgeAll() throws Exception {
        int purged;
        do {
            purged = channel.queuePurge(topology.workQueue()).getMessageCount()
                    + channel.queuePurge(topology.deadQueue()).getMessageCount();
            Thread.sleep(100);
        } while (purged > 0 || workCount() + deadCount() > 0);
    }

    void deleteWorkQueue() throws Exception {
        channel.queueDelete(topology.workQueue());
    }

    void declare() throws Exception {
        topology.declare(channel);
    }

    private long count(String queue) throws Exception {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
