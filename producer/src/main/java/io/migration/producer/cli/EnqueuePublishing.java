package io.migration.producer.cli;

import io.migration.common.amqp.AmqpConnections;
import io.migration.common.amqp.Topology;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.message.RunMode;
import io.migration.producer.enqueue.CompanySelection;
import io.migration.producer.enqueue.PublishFailure;
import io.migration.producer.enqueue.RunReuse;
import io.migration.producer.enqueue.TaskPublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/** Enqueue's dealings with the broker and a reused run id, each failure as one line. */
final class EnqueuePublishing {

    private EnqueuePublishing() {}

    /** Connects, declares the topology and turns confirms on; fails before anything is recorded. */
    static TaskPublisher open(ConnectionSettings settings, long timeoutSeconds) {
        String where = AmqpConnections.redact(settings.amqpUri());
        try {
            return new TaskPublisher(
                    settings.amqpUri(),
                    new Topology(settings.fleetName()),
                    Duration.ofSeconds(timeoutSeconds),
                    System.err::println);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), e);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new CommandFailure(
                    "cannot reach RabbitMQ at " + where + " (AMQP_URI): " + OneLineErrors.describe(e)
                            + "; nothing was recorded",
                    e);
        }
    }

    static boolean isRepeat(Jdbi target, String runId, RunMode mode, CompanySelection selection, Integer shardRows) {
        try {
            return RunReuse.isRepeat(target, runId, mode, selection, shardRows);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
    }

    /** Publishes and marks each confirmed batch published; a failure says how to send the rest. */
    static void publish(TaskPublisher publisher, TaskLedger ledger, String runId, List<PlannedTask> tasks, RunMode mode)
            throws InterruptedException {
        AtomicInteger confirmed = new AtomicInteger();
        try {
            publisher.publish(tasks, mode, keys -> {
                ledger.markPublished(keys);
                confirmed.addAndGet(keys.size());
            });
        } catch (PublishFailure e) {
            throw new CommandFailure(
                    e.getMessage() + "; run " + runId + ": " + confirmed.get() + " of " + tasks.size()
                            + " task(s) published, repeat enqueue with --run-id " + runId + " to publish the rest",
                    e);
        } catch (IOException | TimeoutException e) {
            throw new CommandFailure(
                    "publishing run " + runId + " failed: " + OneLineErrors.describe(e)
                            + "; repeat enqueue with --run-id " + runId + " to publish the rest",
                    e);
        }
    }
}
