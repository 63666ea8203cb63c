package io.migration.producer.cli;

import com.rabbitmq.client.Connection;
import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.amqp.Topology;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.Jdbis;
import io.migration.common.ledger.TaskLedger;
import io.migration.producer.dlq.DeadLetterFilter;
import io.migration.producer.dlq.DeadLetterReplayer;
import io.migration.producer.enqueue.PublishFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "replay",
        description = "Moves the matching dead letters back to the work queue, each task's attempts reset;"
                + " safe to repeat or to interrupt.")
final class DlqReplayCommand implements Callable<Integer> {

    @ParentCommand
    private DlqCommand dlq;

    @Spec
    private CommandSpec spec;

    @Mixin
    DlqOptions options;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "50",
            description = "at most N messages a second (default ${DEFAULT-VALUE})")
    double rate;

    @Override
    public Integer call() throws Exception {
        DeadLetterFilter filter = options.filter(Integer.MAX_VALUE);
        boolean json = options.json();
        if (!(rate > 0)) {
            throw new CommandFailure("--rate must be positive", OneLineErrors.USAGE, null);
        }
        ConnectionSettings settings = dlq.cli.connectionSettings();
        Topology topology = new Topology(settings.fleetName());
        DeadLetterReplayer.Result result;
        try (HikariDataSource target = Databases.open(settings.target(), "dlq-replay-target");
                Connection connection = DlqBroker.open(settings, "producer-dlq-replay")) {
            TaskLedger ledger = new TaskLedger(Jdbis.create(target));
            Databases.controlTablesQuery(() -> ledger.findRun(""));
            result = new DeadLetterReplayer(connection, topology, ledger, rate, Duration.ofSeconds(30)).replay(filter);
        } catch (PublishFailure e) {
            throw new CommandFailure("replay stopped: " + e.getMessage() + "; run it again to replay the rest", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(
                    "{\"matched\": %d, \"replayed\": %d, \"skippedSucceeded\": %d, \"unknownTasks\": %d}%n",
                    result.matched(), result.replayed(), result.skipped(), result.unknown());
        } else {
            out.printf(
                    "replayed %d dead letter(s)%s to %s, skipped %d whose task already succeeded%s%n",
                    result.replayed(),
                    filter.describe(),
                    topology.workQueue(),
                    result.skipped(),
                    result.unknown() == 0
                            ? ""
                            : ", left " + result.unknown() + " whose task is unknown (the ledger"
                                    + " planned no such task: forged, or from another target; dlq purge drops them)");
        }
        out.flush();
        return 0;
    }
}
