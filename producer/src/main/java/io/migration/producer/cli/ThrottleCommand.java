package io.migration.producer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "throttle",
        description = "Sets the whole fleet's pace in source rows per second while it runs (shared among the live"
                + " workers, applied within a few seconds); --reset goes back to the workers' default.")
final class ThrottleCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Pace pace;

    static final class Pace {
        @Option(names = "--rows-per-second", paramLabel = "N", description = "the fleet's budget (> 0)")
        Long rowsPerSecond;

        @Option(names = "--reset", description = "back to the workers' configured default (FLEET_ROWS_PER_SECOND)")
        boolean reset;
    }

    @Override
    public Integer call() {
        if (pace.rowsPerSecond != null && pace.rowsPerSecond < 1) {
            throw new CommandFailure(
                    "--rows-per-second must be positive (use pause to stop the fleet)", OneLineErrors.USAGE, null);
        }
        Long rate = pace.reset ? null : pace.rowsPerSecond;
        return FleetControlCommands.apply(
                cli,
                spec.commandLine().getOut(),
                "throttle",
                control -> control.throttle(rate, FleetControlCommands.operator()));
    }
}
