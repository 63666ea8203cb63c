package io.migration.producer.dlq;

import com.rabbitmq.client.Channel;
import java.io.IOException;

/** Drops the matching dead letters for good (acknowledges them); the others stay. */
public final class DeadLetterPurger {

    private DeadLetterPurger() {}

    /** The number of dead letters dropped. */
    public static int purge(Channel channel, String queue, DeadLetterFilter filter)
            throws IOException, InterruptedException {
        return DeadLetterReader.walk(
                        channel,
                        queue,
                        filter,
                        (message, view) ->
                                channel.basicAck(message.getEnvelope().getDeliveryTag(), false))
                .matched();
    }
}
