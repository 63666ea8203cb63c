package io.migration.producer.cli;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.migration.common.amqp.Topology;
import io.migration.common.config.ConnectionSettings;
import io.migration.producer.dlq.DeadLetter;
import io.migration.producer.dlq.DeadLetterFilter;
import io.migration.producer.dlq.DeadLetterReader;
import io.migration.producer.dlq.DeadLetterTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "Lists the dead letters matching the filters; they stay in the queue.")
final class DlqListCommand implements Callable<Integer> {

    static final int DEFAULT_LIMIT = 1000;

    @ParentCommand
    private DlqCommand dlq;

    @Spec
    private CommandSpec spec;

    @Mixin
    DlqOptions options;

    @Override
    public Integer call() throws Exception {
        DeadLetterFilter filter = options.filter(DEFAULT_LIMIT);
        boolean json = options.json();
        ConnectionSettings settings = dlq.cli.connectionSettings();
        String queue = new Topology(settings.fleetName()).deadQueue();
        List<DeadLetter> letters;
        try (Connection connection = DlqBroker.open(settings, "producer-dlq-list");
                Channel channel = connection.createChannel()) {
            letters = DeadLetterReader.list(channel, queue, filter);
            // Closing the channel puts every message back: listing consumes nothing.
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            DeadLetterTable.json(letters, out);
        } else {
            DeadLetterTable.table(letters, out);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
                "%d dead letter(s)%s in %s%s%n",
                letters.size(),
                filter.describe(),
                queue,
                letters.size() == filter.limit() ? " (--limit " + filter.limit() + " reached; there may be more)" : "");
        err.flush();
        return 0;
    }
}
