package io.migration.worker;

import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.migration.common.db.Jdbis;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.ledger.TaskLifecycle;
import io.migration.worker.amqp.ConsumerPool;
import io.migration.worker.config.AmqpFactory;
import io.migration.worker.config.ConsumerFactory;
import io.migration.worker.config.Resilience;
import io.migration.worker.config.WorkerConfiguration;
import io.migration.worker.control.FleetHeartbeat;
import io.migration.worker.control.InFlightShards;
import io.migration.worker.delivery.DeliveryHandler;
import io.migration.worker.delivery.ShardWork;
import io.migration.worker.dryrun.OrphanCount;
import io.migration.worker.metrics.MetricsSetup;
import io.migration.worker.metrics.WorkerMetrics;
import io.migration.worker.pipeline.ModeRunners;
import io.migration.worker.pipeline.ShardMigration;
import io.migration.worker.resilience.Guards;
import io.migration.worker.resilience.SelectOneProbe;
import io.migration.worker.resilience.SourceHealth;
import io.migration.worker.resilience.StatementTimeouts;
import io.migration.worker.source.BucketFunctionCheck;
import io.migration.worker.source.ShardReader;
import io.migration.worker.source.SourceReadException;
import io.migration.worker.verify.ShardVerifier;
import io.migration.worker.write.ShardWriter;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The worker: consumes task messages and migrates one shard per message. {@link #run} only wires. */
public final class WorkerApplication extends Application<WorkerConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerApplication.class);

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
        Jdbi targetJdbi = Jdbis.create(target);
        Resilience resilience = Resilience.build(config, metrics);
        ShardReader reader = new ShardReader(source);
        checkBucketFunction(source);
        InFlightShards inFlight = new InFlightShards();
        DeliveryHandler handler = new DeliveryHandler(
                consumer.deliverySettings(workerName),
                new TaskLifecycle(targetJdbi),
                new ShardWork(runners(config, reader, source, target, targetJdbi), reader, resilience.pace(), inFlight),
                new Guards(
                        resilience.breakers(),
                        resilience.retry(),
                        new StatementTimeouts(new SelectOneProbe(source, target))),
                resilience.gate(),
                metrics);
        AmqpFactory amqp = new AmqpFactory(
                config.getAmqpUri(),
                config.getFleetName(),
                new ConsumerPool.Settings(
                        workerName, consumer.getThreads(), consumer.getPrefetch(), consumer.getShutdownGracePeriod()));
        ConsumerPool consumers = amqp.build(handler, resilience.gate(), metrics);
        FleetHeartbeat heartbeat = new FleetHeartbeat(
                new FleetHeartbeat.Settings(
                        new FleetHeartbeat.Identity(config.getFleetName(), workerName, consumer.getThreads()),
                        config.getPace().getControlInterval(),
                        config.getPace().getRowsPerSecond()),
                targetJdbi,
                new FleetHeartbeat.Steering(
                        resilience.breakers(),
                        resilience.gate(),
                        resilience.pace(),
                        new SourceHealth(source, config.getPace().signal(), resilience.pace())),
                inFlight,
                metrics,
                consumers::state);

        // Stopped in reverse order: the consumers drain first, then the heartbeat says goodbye.
        environment.lifecycle().manage(heartbeat);
        amqp.register(environment, consumers, resilience.gate(), metrics);
        environment
                .jersey()
                .register(new WorkerStatusResource(
                        workerName, consumers, resilience.gate(), resilience.breakers(), resilience.pace(), heartbeat));
    }

    /** What each run mode does with a shard. */
    private static ModeRunners runners(
            WorkerConfiguration config, ShardReader reader, DataSource source, DataSource target, Jdbi targetJdbi) {
        String workerName = config.getWorkerName();
        ShardMigration migration = new ShardMigration(
                reader,
                new ShardWriter(),
                targetJdbi,
                new TaskLedger(targetJdbi),
                workerName,
                config.getConsumer().getMaxShardRowsInMemory());
        return new ModeRunners(
                migration,
                migration.dryRun(),
                new ShardVerifier(source, target, workerName),
                new OrphanCount(source, targetJdbi, workerName),
                migration.catchUp());
    }

    /** Shards are cut by a hash the source server computes: refuse to start if it disagrees with ours. */
    private static void checkBucketFunction(DataSource source) throws Exception {
        try {
            BucketFunctionCheck.verify(source);
        } catch (SourceReadException e) {
            LOG.warn(
                    "could not check the source's bucket function now ({}); it is checked again on the next start",
                    e.getMessage());
        }
    }
}
