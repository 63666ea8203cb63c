package io.migration.producer.dlq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the dead-letter queue once without consuming it: each message is fetched without
 * auto-ack and held unacknowledged on the caller's channel, so it is seen once per walk; closing
 * the channel puts back every message that was not acknowledged. The walk covers the messages
 * present when it began, so dead letters arriving meanwhile wait for the next one.
 */
public final class DeadLetterReader {

    /** What to do with one matching message; it may acknowledge it on the same channel. */
    public interface Visitor {
        void visit(GetResponse message, DeadLetter view) throws IOException, InterruptedException;
    }

    /** {@code seen}: messages fetched; {@code matched}: those the filter kept (at most its limit). */
    public record Walk(int seen, int matched) {}

    private DeadLetterReader() {}

    public static Walk walk(Channel channel, String queue, DeadLetterFilter filter, Visitor visitor)
            throws IOException, InterruptedException {
        long present = channel.queueDeclarePassive(queue).getMessageCount();
        int seen = 0;
        int matched = 0;
        while (seen < present && matched < filter.limit()) {
            GetResponse message = channel.basicGet(queue, false);
            if (message == null) {
                break;
            }
            seen++;
            DeadLetter view = DeadLetterView.of(message.getProps(), message.getBody());
            if (filter.matches(view)) {
                matched++;
                visitor.visit(message, view);
            }
        }
        return new Walk(seen, matched);
    }

    /** The matching dead letters, left in the queue. */
    public static List<DeadLetter> list(Channel channel, String queue, DeadLetterFilter filter)
            throws IOException, InterruptedException {
        List<DeadLetter> out = new ArrayList<>();
        walk(channel, queue, filter, (message, view) -> out.add(view));
        return out;
    }
}
