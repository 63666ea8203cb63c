package io.migration.worker.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.migration.common.amqp.Topology;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A consumer channel counts the deliveries it holds until each is acknowledged, returned, or
 * given back by the channel closing or the connection recovering; it never subscribes again
 * while it holds any (the broker's window is per subscription: a gate shutting and opening again
 * and again piled deliveries up).
 */
class HeldDeliveriesTest {

    private boolean open = true;
    private final List<String> calls = new ArrayList<>();
    private final List<TaskConsumer.AmqpDeliveryParts> taken = new ArrayList<>();
    private final Channel channel = (Channel) Proxy.newProxyInstance(
            Channel.class.getClassLoader(), new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "isOpen":
                        return open;
                    case "basicAck", "basicNack", "basicQos", "basicConsume", "basicCancel":
                        if (!open) {
                            throw new AlreadyClosedException(new ShutdownSignalException(false, true, null, null));
                        }
                        calls.add(method.getName());
                        return method.getName().equals("basicConsume") ? "tag" : null;
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });
    private final TaskConsumer consumer = new TaskConsumer(channel, taken::add);

    @Test
    void aChannelHoldingADeliverySubscribesAgainOnlyOnceItIsSettled() throws Exception {
        consumer.subscribe("work", 1);
        AmqpDelivery first = deliver(1);
        consumer.unsubscribe();

        assertThat(consumer.held()).isEqualTo(1);
        assertThat(consumer.isWaitingForHeld()).isTrue();
        assertThatThrownBy(() -> consumer.subscribe("work", 1)).isInstanceOf(IllegalStateException.class);

        first.ack();
        first.ack();
        assertThat(consumer.held()).as("counted out once").isZero();
        consumer.subscribe("work", 1);
        assertThat(calls)
                .containsExactly(
                        "basicQos", "basicConsume", "basicCancel", "basicAck", "basicAck", "basicQos", "basicConsume");
    }

    @Test
    void aDeliveryLeftUnsettledIsReturnedToTheQueue() {
        AmqpDelivery leftOver = deliver(1);
        leftOver.returnIfUnsettled();
        assertThat(calls).containsExactly("basicNack");
        assertThat(consumer.held()).isZero();
    }

    @Test
    void aClosedChannelGaveItsDeliveriesBack() {
        AmqpDelivery acked = deliver(1);
        AmqpDelivery leftOver = deliver(2);
        open = false;
        assertThatThrownBy(acked::ack).isInstanceOf(IOException.class);
        leftOver.returnIfUnsettled();
        assertThat(consumer.held()).isZero();
    }

    @Test
    void aRecoveredConnectionGaveEverythingBackAndLateSettlingsCountNoMore() throws Exception {
        AmqpDelivery before = deliver(1);
        consumer.forgetHeld();
        AmqpDelivery after = deliver(2);
        before.ack();
        assertThat(consumer.held()).as("the one taken after the recovery").isEqualTo(1);
        after.ack();
        assertThat(consumer.held()).isZero();
    }

    private AmqpDelivery deliver(long tag) {
        consumer.handleDelivery("tag", new Envelope(tag, false, "", "work"), new AMQP.BasicProperties(), new byte[0]);
        TaskConsumer.AmqpDeliveryParts parts = taken.get(taken.size() - 1);
        return new AmqpDelivery(parts, null, new Topology("test"));
    }
}
