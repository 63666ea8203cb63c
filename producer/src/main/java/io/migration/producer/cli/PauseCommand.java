package io.migration.producer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "pause",
        description = "Pauses the whole fleet within a few seconds: in-flight shards roll back and go back to the"
                + " queue without counting an attempt, no new shard starts until resume.")
final class PauseCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return FleetControlCommands.apply(
                cli, spec.commandLine().getOut(), "pause", control -> control.pause(FleetControlCommands.operator()));
    }
}
