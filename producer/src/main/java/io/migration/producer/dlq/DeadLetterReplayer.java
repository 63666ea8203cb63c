package io.migration.producer.dlq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.migration.common.amqp.Topology;
import io.migration.common.ledger.ReplayReset;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskLifecycle;
import io.migration.common.message.InvalidMessageException;
import io.migration.common.message.TaskMessage;
import io.migration.common.message.TaskMessageCodec;
import io.migration.producer.enqueue.PublishFailure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Moves dead letters back to the work queue so that nothing is lost and nothing happens twice.
 * For each matching dead letter: (1) the task is reset in the ledger (attempts back to zero),
 * or, when it succeeded meanwhile, the dead letter is simply acknowledged, or, when the ledger
 * never planned its task (forged, another target's), it is left where it is; (2) a copy goes to the
 * work exchange, mandatory, and the broker's confirm is awaited; (3) only then is the dead letter
 * acknowledged. Killed between (2) and (3), the dead letter stays and a second replay sends
 * another copy, which the worker's ledger treats as a duplicate once the task succeeded.
 */
public final class DeadLetterReplayer {

    static final String REPLAYED_AT = "x-migration-replayed-at";
    static final String REPLAYED_FROM = "x-migration-replayed-from";

    /**
     * {@code skipped}: matching dead letters whose task had succeeded; acknowledged, not replayed.
     * {@code unknown}: those naming a task the ledger never planned; left in the dead-letter queue.
     */
    public record Result(int matched, int replayed, int skipped, int unknown) {}

    private final Connection connection;
    private final Topology topology;
    private final TaskLedger ledger;
    private final double ratePerSecond;
    private final Duration confirmTimeout;

    public DeadLetterReplayer(
            Connection connection,
            Topology topology,
            TaskLedger ledger,
            double ratePerSecond,
            Duration confirmTimeout) {
        this.connection = connection;
        this.topology = topology;
        this.ledger = ledger;
        this.ratePerSecond = ratePerSecond;
        this.confirmTimeout = confirmTimeout;
    }

    public Result replay(DeadLetterFilter filter) throws IOException, InterruptedException {
        int[] replayed = {0};
        int[] skipped = {0};
        int[] unknown = {0};
        Pace pace = new Pace(ratePerSecond);
        try (Channel dead = connection.createChannel();
                Channel work = connection.createChannel()) {
            work.confirmSelect();
            String[] returned = {null};
            work.addReturnListener(r -> returned[0] = r.getReplyCode() + " " + r.getReplyText());
            DeadLetterReader.Walk walk;
            try {
                walk = DeadLetterReader.walk(dead, topology.deadQueue(), filter, (message, view) -> {
                    ReplayReset reset = view.key() == null ? null : reset(view, message.getBody());
                    if (reset == ReplayReset.ALREADY_SUCCEEDED) {
                        dead.basicAck(message.getEnvelope().getDeliveryTag(), false);
                        skipped[0]++;
                        return;
                    }
                    if (reset == ReplayReset.UNKNOWN_TASK) {
                        // Left unacknowledged: it goes back when the channel closes, after the walk.
                        unknown[0]++;
                        return;
                    }
                    pace.await();
                    publishCopy(work, message, returned);
                    dead.basicAck(message.getEnvelope().getDeliveryTag(), false);
                    replayed[0]++;
                });
            } catch (PublishFailure e) {
                throw new PublishFailure(
                        e.getMessage() + " (replayed " + replayed[0] + ", skipped " + skipped[0] + " before)", e);
            }
            return new Result(walk.matched(), replayed[0], skipped[0], unknown[0]);
        } catch (TimeoutException e) {
            throw new IOException("closing the replay's channels timed out", e);
        }
    }

    /**
     * Resets the letter's task for its replay. A body that is a task must agree with the ledger
     * (and with the headers the letter is listed by); one that is not is judged by its headers.
     */
    private ReplayReset reset(DeadLetter view, byte[] body) {
        TaskMessage task;
        try {
            task = TaskMessageCodec.decode(body);
        } catch (InvalidMessageException e) {
            return ledger.resetForReplay(view.key());
        }
        if (!TaskLifecycle.key(task).equals(view.key())) {
            return ReplayReset.UNKNOWN_TASK;
        }
        return ledger.resetForReplay(task);
    }

    private void publishCopy(Channel work, GetResponse message, String[] returned)
            throws IOException, InterruptedException {
        returned[0] = null;
        work.basicPublish(
                topology.workExchange(),
                Topology.TASK_ROUTING_KEY,
                true,
                copyProperties(message.getProps(), topology.deadQueue()),
                message.getBody());
        boolean acked;
        try {
            acked = work.waitForConfirms(confirmTimeout.toMillis());
        } catch (TimeoutException e) {
            throw new PublishFailure("the broker did not confirm a replayed copy within " + confirmTimeout.toSeconds()
                    + " s (a memory or disk alarm?); its dead letter stays");
        }
        if (!acked) {
            throw new PublishFailure("the broker refused (nacked) a replayed copy; its dead letter stays");
        }
        if (returned[0] != null) {
            throw new PublishFailure("the broker could not route a replayed copy to queue " + topology.workQueue()
                    + " (" + returned[0] + "); its dead letter stays");
        }
    }

    /**
     * The original properties without the dead-lettering headers (x-death and the worker's
     * x-migration-*), with where and when the copy came from. Expiration and user id are dropped:
     * an expired message would expire again, and the broker checks a user id against the publisher.
     */
    static AMQP.BasicProperties copyProperties(AMQP.BasicProperties original, String from) {
        Map<String, Object> headers = new HashMap<>();
        if (original.getHeaders() != null) {
            original.getHeaders().forEach((name, value) -> {
                if (!isDeadLetteringHeader(name)) {
                    headers.put(name, value);
                }
            });
        }
        headers.put(REPLAYED_AT, Instant.now().toString());
        headers.put(REPLAYED_FROM, from);
        return original.builder()
                .headers(headers)
                .deliveryMode(2)
                .expiration(null)
                .userId(null)
                .build();
    }

    static boolean isDeadLetteringHeader(String name) {
        return name.equals("x-death")
                || name.startsWith("x-first-death-")
                || name.startsWith("x-last-death-")
                || name.startsWith("x-migration-")
                || name.equals("x-delivery-count");
    }

    /** At most {@code perSecond} replays a second, so a big replay does not flood the workers. */
    private static final class Pace {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pace(double perSecond) {
            this.intervalNanos = (long) (1_000_000_000L / perSecond);
        }

        void await() throws InterruptedException {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next = Math.max(next, System.nanoTime()) + intervalNanos;
        }
    }
}
