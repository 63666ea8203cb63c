package io.migration.producer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "dlq",
        description = "Inspects, replays into the work queue, or drops dead letters matching the filters.",
        subcommands = {DlqListCommand.class, DlqReplayCommand.class, DlqPurgeCommand.class})
final class DlqCommand implements Runnable {

    @ParentCommand
    ProducerCli cli;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list, replay or purge");
    }
}
