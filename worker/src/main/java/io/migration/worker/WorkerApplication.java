package io.migration.worker;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import com.rabbitmq.client.impl.recovery.RecordedBinding;
import com.rabbitmq.client.impl.recovery.RecordedExchange;
import com.rabbitmq.client.impl.recovery.RecordedQueue;
import com.rabbitmq.client.impl.recovery.TopologyRecoveryFilter;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryRegistry;
import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskLifecycle;
import io.migration.worker.amqp.ConsumerPool;
import io.migration.worker.config.ConsumerFactory;
import io.migration.worker.config.WorkerConfiguration;
import io.migration.worker.control.FleetHeartbeat;
import io.migration.worker.control.InFlightShards;
import io.migration.worker.delivery.DeliveryHandler;
import io.migration.worker.delivery.ShardWork;
import io.migration.worker.dryrun.OrphanCount;
import io.migration.worker.health.BrokerHealthCheck;
import io.migration.worker.health.ConsumersHealthCheck;
import io.migration.worker.health.ProcessingHealthCheck;
import io.migration.worker.metrics.MetricsSetup;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.pipeline.ModeRunners;
import io.migration.worker.pipeline.ShardMigration;
import io.migration.worker.resilience.Breakers;
import io.migration.worker.resilience.FleetGate;
import io.migration.worker.resilience.FleetPace;
import io.migration.worker.resilience.Guards;
import io.migration.worker.resilience.SelectOneProbe;
import io.migration.worker.resilience.SourceHealth;
import io.migration.worker.resilience.StatementTimeouts;
import io.migration.worker.resilience.TransientRetry;
import io.migration.worker.source.BucketFunctionCheck;
import io.migration.worker.source.ShardReader;
import io.migration.worker.source.SourceReadException;
import io.migration.worker.verify.ShardVerifier;
import io.migration.worker.write.ShardWriter;
import org.jdbi.v3.core.Jdbi;

/** The worker: consumes task messages and migrates one shard per message. {@link #run} only wires. */
public final class WorkerApplication extends Application<WorkerConfiguration> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WorkerApplication.class);

    public static void main(String[] args) throws Exception {
        new WorkerApplication().run(args);
    }

    @Override
    public String getName() {
        return "migration-worker";
    }

    @Override
    public void initialize(Bootstrap<WorkerConfiguration> bootstrap) {
        // ${VAR:-default} in worker.yml; a variable without a default must be set (strict).
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    }

    @Override
    public void run(WorkerConfiguration config, Environment environment) throws Exception {
        String workerName = config.getWorkerName();
        ConsumerFactory consumer = config.getConsumer();
        WorkerMetrics metrics = MetricsSetup.create(environment, config.getFleetName(), workerName);
        HikariDataSource source = config.getSource().build(environment, "source", true, metrics.registry());
        HikariDataSource target = config.getTarget().build(environment, "target", false, metrics.registry());
        Jdbi targetJdbi = Jdbi.create(target);
        TaskLifecycle lifecycle = new TaskLifecycle(targetJdbi);

        Breakers breakers = new Breakers(config.getBreakers().settings());
        breakers.onOpened((db, cause) -> metrics.breakerOpened(db, cause.metricLabel()));
        FleetGate gate = new FleetGate(breakers);
        FleetPace pace = new FleetPace(gate);
        RetryRegistry retries = TransientRetry.registry(
                consumer.getTransientRetries(), consumer.getRetryBackoff(), consumer.getMaxRetryBackoff());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry())
                .bindTo(metrics.registry());
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(pace.registry()).bindTo(metrics.registry());
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(metrics.registry());
        // Errors the in-process retry absorbs are transient errors too: count them as they happen.
        retries.retry("transient").getEventPublisher().onRetry(event -> {
            var error = io.migration.worker.resilience.ErrorClassifier.classify(event.getLastThrowable());
            error.transientKind().ifPresent(kind -> metrics.transientError(error.database(), kind));
        });

        ShardReader reader = new ShardReader(source);
        // Shards are cut by a hash the source server computes: refuse to start if it disagrees with ours.
        try {
            BucketFunctionCheck.verify(source);
        } catch (SourceReadException e) {
            LOG.warn(
                    "could not check the source's bucket function now ({}); it is checked again on the next" + " start",
                    e.getMessage());
        }
        ShardMigration migration = new ShardMigration(
                reader,
                new ShardWriter(),
                targetJdbi,
                new TaskLedger(targetJdbi),
                workerName,
                consumer.getMaxShardRowsInMemory());
        InFlightShards inFlight = new InFlightShards();
        ModeRunners runners = new ModeRunners(
                migration,
                migration.dryRun(),
                new ShardVerifier(source, target, workerName),
                new OrphanCount(source, targetJdbi, workerName),
                migration.catchUp());
        DeliveryHandler handler = new DeliveryHandler(
                consumer.deliverySettings(workerName),
                lifecycle,
                new ShardWork(runners, reader, pace, inFlight),
                new Guards(
                        breakers,
                        TransientRetry.shardRetry(retries),
                        new StatementTimeouts(new SelectOneProbe(source, target))),
                gate,
                metrics);

        ConnectionFactory broker = AmqpConnections.factory(config.getAmqpUri());
        broker.setMetricsCollector(new MicrometerMetricsCollector(metrics.registry(), "rabbitmq"));
        // The topology is declared on short-lived channels (durable quorum queues survive a broker
        // restart, and the reconciler re-declares a deleted one): recover consumers only, or the
        // client logs the closed declaring channel as a failed recovery on every reconnect.
        broker.setTopologyRecoveryFilter(new TopologyRecoveryFilter() {
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
        });
        ConsumerPool consumers = new ConsumerPool(
                broker,
                new Topology(config.getFleetName()),
                handler,
                gate,
                metrics,
                workerName,
                consumer.getThreads(),
                consumer.getPrefetch(),
                consumer.getShutdownGracePeriod());
        FleetHeartbeat heartbeat = new FleetHeartbeat(
                new FleetHeartbeat.Identity(config.getFleetName(), workerName, consumer.getThreads()),
                config.getPace().getControlInterval(),
                config.getPace().getRowsPerSecond(),
                targetJdbi,
                breakers,
                gate,
                pace,
                new SourceHealth(source, config.getPace().signal(), pace),
                inFlight,
                metrics,
                consumers::state);
        metrics.gauge(
                "migration.consumers.active",
                "Consumer channels subscribed to the work queue now",
                consumers::activeConsumers);
        metrics.gauge(
                "migration.deliveries.unacknowledged",
                "Deliveries this worker holds unacknowledged now",
                consumers::heldDeliveries);

        // Stopped in reverse order: the consumers drain first, then the heartbeat says goodbye.
        environment.lifecycle().manage(heartbeat);
        environment.lifecycle().manage(consumers);
        environment.lifecycle().addServerLifecycleListener(server -> {
            try {
                consumers.startConsuming();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot start consuming", e);
            }
        });
        environment.healthChecks().register("broker", new BrokerHealthCheck(consumers));
        environment.healthChecks().register("consumers", new ConsumersHealthCheck(consumers, gate));
        environment.healthChecks().register("processing", new ProcessingHealthCheck(consumers));
        environment.jersey().register(new WorkerStatusResource(workerName, consumers, gate, breakers, pace, heartbeat));
    }
}
