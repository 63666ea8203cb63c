package io.migration.worker.amqp;

import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.migration.worker.metrics.WorkerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when the broker connection is lost and when the client recovered it, counts recoveries,
 * and tells the pool (the broker took back whatever the old connection's channels held).
 */
final class LoggingRecoveryListener implements RecoveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerPool.class);

    private final WorkerMetrics metrics;
    private final Runnable recovered;

    /** {@code recovered} runs once the connection, its channels and consumers are back. */
    LoggingRecoveryListener(WorkerMetrics metrics, Runnable recovered) {
        this.metrics = metrics;
        this.recovered = recovered;
    }

    @Override
    public void handleRecovery(Recoverable recoverable) {
        recovered.run();
        metrics.consumerRecovered("connection_recovered");
        LOG.info("broker connection recovered; consumers re-registered");
    }

    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
        LOG.warn("broker connection lost; recovering (in-flight shards go on; their acks may be refused"
                + " and the broker redelivers them, which the ledger turns into duplicates)");
    }
}
