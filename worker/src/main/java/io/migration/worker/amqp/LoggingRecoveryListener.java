package io.migration.worker.amqp;

import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.migration.worker.metrics.WorkerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says when the broker connection is lost and when the client recovered it, and counts recoveries. */
final class LoggingRecoveryListener implements RecoveryListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerPool.class);

    private final WorkerMetrics metrics;

    LoggingRecoveryListener(WorkerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleRecovery(Recoverable recoverable) {
        metrics.consumerRecovered("connection_recovered");
        LOG.info("broker connection recovered; consumers re-registered");
    }

    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
        LOG.warn("broker connection lost; recovering (in-flight shards go on; their acks may be refused"
                + " and the broker redelivers them, which the ledger turns into duplicates)");
    }
}
