package io.migration.worker.config;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;
import io.dropwizard.core.setup.Environment;
import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.worker.amqp.ConsumerPool;
import io.migration.worker.delivery.DeliveryHandler;
import io.migration.worker.health.BrokerHealthCheck;
import io.migration.worker.health.ConsumersHealthCheck;
import io.migration.worker.health.ProcessingHealthCheck;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.resilience.FleetGate;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The broker, in the manner of Dropwizard's {@code XxxFactory}: {@link #build} makes the consumer
 * pool, {@link #register} manages it, starts it consuming once the server is up and registers its
 * health checks (broker, consumers, processing) and gauges.
 */
public final class AmqpFactory {

    /**
     * The topology is declared on short-lived channels (durable quorum queues survive a broker
     * restart, and the reconciler re-declares a deleted one): recover consumers only, or the client
     * logs the closed declaring channel as a failed recovery on every reconnect.
     */
    private static final TopologyRecoveryFilter CONSUMERS_ONLY = new TopologyRecoveryFilter() {
        @Override
        public boolean filterExchange(RecordedExchange exchange) {
            return false;
        }

        @Override
        public boolean filterQueue(RecordedQueue queue) {
            return false;
        }

        @Override
        public boolean filterBinding(RecordedBinding binding) {
            return false;
        }
    };

    private final String uri;
    private final String fleetName;
    private final ConsumerPool.Settings settings;

    public AmqpFactory(String uri, String fleetName, ConsumerPool.Settings settings) {
        this.uri = uri;
        this.fleetName = fleetName;
        this.settings = settings;
    }

    public ConsumerPool build(DeliveryHandler handler, FleetGate gate, WorkerMetrics metrics) {
        ConnectionFactory broker = AmqpConnections.factory(uri);
        broker.setMetricsCollector(new MicrometerMetricsCollector(metrics.registry(), "rabbitmq"));
        broker.setTopologyRecoveryFilter(CONSUMERS_ONLY);
        return new ConsumerPool(broker, new Topology(fleetName), handler, gate, metrics, settings);
    }

    /**
     * Manages the pool (register it after whatever must stop after it: Dropwizard stops in reverse
     * order) and starts consuming once the whole server is up, so a SIGTERM always goes through
     * its stop.
     */
    public void register(Environment environment, ConsumerPool consumers, FleetGate gate, WorkerMetrics metrics) {
        environment.lifecycle().manage(consumers);
        environment.lifecycle().addServerLifecycleListener(server -> {
            try {
                consumers.startConsuming();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start consuming", e);
            }
        });
        environment.healthChecks().register("broker", new BrokerHealthCheck(consumers));
        environment.healthChecks().register("consumers", new ConsumersHealthCheck(consumers, gate));
        environment.healthChecks().register("processing", new ProcessingHealthCheck(consumers));
        metrics.gauge(
                "migration.consumers.active",
                "Consumer channels subscribed to the work queue now",
                consumers::activeConsumers);
        metrics.gauge(
                "migration.deliveries.unacknowledged",
                "Deliveries this worker holds unacknowledged now",
                consumers::heldDeliveries);
    }
}
