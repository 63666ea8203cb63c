package io.migration.producer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "resume", description = "Lets a paused fleet go on: workers take shards again within a few seconds.")
final class ResumeCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return FleetControlCommands.apply(
                cli, spec.commandLine().getOut(), "resume", control -> control.resume(FleetControlCommands.operator()));
    }
}
