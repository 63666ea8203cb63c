package io.migration.producer.cli;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.migration.common.amqp.Topology;
import io.migration.common.config.ConnectionSettings;
import io.migration.producer.dlq.DeadLetterFilter;
import io.migration.producer.dlq.DeadLetterPurger;
import io.migration.producer.dlq.DeadLetterReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "purge", description = "Drops the matching dead letters for good; needs --yes.")
final class DlqPurgeCommand implements Callable<Integer> {

    @ParentCommand
    private DlqCommand dlq;

    @Spec
    private CommandSpec spec;

    @Mixin
    DlqOptions options;

    @Option(names = "--yes", description = "really drop them")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        DeadLetterFilter filter = options.filter(Integer.MAX_VALUE);
        boolean json = options.json();
        ConnectionSettings settings = dlq.cli.connectionSettings();
        String queue = new Topology(settings.fleetName()).deadQueue();
        int count;
        try (Connection connection = DlqBroker.open(settings, "producer-dlq-purge");
                Channel channel = connection.createChannel()) {
            if (!yes) {
                int wouldGo = DeadLetterReader.list(channel, queue, filter).size();
                throw new CommandFailure(
                        "purge would drop " + wouldGo + " dead letter(s)" + filter.describe() + " from " + queue
                                + " for good; repeat with --yes to drop them",
                        OneLineErrors.USAGE,
                        null);
            }
            count = DeadLetterPurger.purge(channel, queue, filter);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                json
                        ? "{\"purged\": " + count + "}"
                        : "purged " + count + " dead letter(s)" + filter.describe() + " from " + queue);
        out.flush();
        return 0;
    }
}
