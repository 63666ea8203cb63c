package io.migration.producer.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.Topology;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import java.util.ArrayList;
import java.util.List;

/** Takes what enqueue published off a test fleet's work queue, decoded as a worker would. */
public final class WorkQueue {

    private WorkQueue() {}

    public static List<TaskMessage> drain(String amqpUri, String fleetName) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqpUri);
        Topology topology = new Topology(fleetName);
        List<TaskMessage> out = new ArrayList<>();
        try (Connection connection = factory.newConnection("test-drain");
                Channel channel = connection.createChannel()) {
            topology.declare(channel);
            GetResponse r;
            while ((r = channel.basicGet(topology.workQueue(), true)) != null) {
                out.add(TaskMessageCodec.decode(r.getBody()));
            }
        }
        return out;
    }
}
