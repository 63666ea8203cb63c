package io.migration.worker;

import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.migration.common.amqp.Topology;
import io.migration.common.ledger.TaskLedger;
import io.migration.worker.amqp.ConsumerPool;
import io.migration.worker.config.WorkerConfiguration;
import io.migration.worker.health.BrokerHealthCheck;
import io.migration.worker.pipeline.ShardMigration;
import io.migration.worker.pipeline.TaskProcessor;
import io.migration.worker.source.BucketFunctionCheck;
import io.migration.worker.source.ShardReader;
import io.migration.worker.source.SourceReadException;
import io.migration.worker.write.ShardWriter;
import org.jdbi.v3.core.Jdbi;

/** The worker: consumes task messages and migrates one shard per message. {@link #run} only wires. */
public final class WorkerApplication extends Application<WorkerConfiguration> {

    private static final org.slf4j.Logger LOG_STARTUP = org.slf4j.LoggerFactory.getLogger(WorkerApplication.class);

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
    public void run(WorkerConfiguration config, Environment environment) {
        String workerName = config.getWorkerName();
        HikariDataSource source = config.getSource().build(environment, "source", true);
        HikariDataSource target = config.getTarget().build(environment, "target", false);
        Jdbi targetJdbi = Jdbi.create(target);
        TaskLedger ledger = new TaskLedger(targetJdbi);
        ShardReader reader = new ShardReader(source);
        // Shards are cut by a hash the source server computes: refuse to start if it disagrees with ours.
        try {
            BucketFunctionCheck.verify(source);
        } catch (SourceReadException e) {
            LOG_STARTUP.warn("could not check the source's bucket function now ({}); it is checked again on the"
                    + " next start", e.getMessage());
        }
        ShardMigration migration = new ShardMigration(reader, new ShardWriter(), targetJdbi, ledger, workerName,
                config.getConsumer().getMaxShardRowsInMemory());
        TaskProcessor processor = new TaskProcessor(reader, migration, ledger,
                config.getConsumer().buildRetry("shard"), config.getConsumer().getMaxAttempts(), workerName);
        ConsumerPool consumers = new ConsumerPool(config.getAmqpUri(), new Topology(config.getFleetName()), processor,
                workerName, config.getConsumer().getThreads(), config.getConsumer().getPrefetch(),
                config.getConsumer().getShutdownGracePeriod());
        environment.lifecycle().manage(consumers);
        environment.lifecycle().addServerLifecycleListener(server -> {
            try {
                consumers.startConsuming();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot start consuming", e);
            }
        });
        environment.healthChecks().register("broker", new BrokerHealthCheck(consumers));
        environment.jersey().register(new WorkerStatusResource(workerName, consumers));
    }
}
