package io.migration.worker.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.migration.common.amqp.DeadLetterHeaders;
import io.migration.common.amqp.Topology;
import io.migration.worker.pipeline.Disposition;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sends a delivery to the dead-letter queue with why it failed, and waits for the broker's
 * confirm: only then may the original be acknowledged, or the message would be lost.
 */
final class DeadLetterPublisher {

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final Topology topology;
    private final String workerName;

    DeadLetterPublisher(Topology topology, String workerName) {
        this.topology = topology;
        this.workerName = workerName;
    }

    /** {@code channel} must be in confirm mode and used by one thread. */
    void publish(Channel channel, AMQP.BasicProperties original, byte[] body, Disposition.DeadLetter dead)
            throws IOException, InterruptedException, TimeoutException {
        Map<String, Object> headers = new HashMap<>();
        if (original.getHeaders() != null) {
            headers.putAll(original.getHeaders());
        }
        headers.put(DeadLetterHeaders.REASON, dead.reason());
        headers.put(DeadLetterHeaders.ERROR, dead.error());
        headers.put(DeadLetterHeaders.WORKER, workerName);
        headers.put(DeadLetterHeaders.ATTEMPTS, dead.attempts());
        headers.put(DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        if (dead.runId() != null) {
            headers.put(DeadLetterHeaders.RUN_ID, dead.runId());
            headers.put(DeadLetterHeaders.COMPANY_ID, dead.companyId());
            headers.put(DeadLetterHeaders.TASK, dead.task());
        }
        AMQP.BasicProperties props = original.builder().headers(headers).deliveryMode(2).build();
        channel.basicPublish(topology.deadExchange(), "", props, body);
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
    }
}
