package io.migration.producer.cli;

import io.migration.common.config.ConnectionSettings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator's command line (CLI.md). Each subcommand is its own class. */
@Command(
        name = "producer",
        mixinStandardHelpOptions = true,
        description = "Plans and drives a migration run of the recipient data.",
        subcommands = {
            MigrateSchemaCommand.class,
            SeedCommand.class,
            EnqueueCommand.class,
            StatusCommand.class,
            ReportCommand.class,
            CompaniesCommand.class,
            DlqCommand.class,
            ThrottleCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            ScheduleCommand.class,
            CutoverCommand.class,
            TrafficCommand.class,
        })
public final class ProducerCli implements Runnable {

    private final Map<String, String> environment;

    public ProducerCli() {
        this(System.getenv());
    }

    ProducerCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code; tests call this in-process. */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /**
     * Runs one command against the given environment instead of the process's (tests point
     * commands at their own databases this way); output goes to System.out and System.err.
     */
    public static int run(Map<String, String> environment, String... args) {
        return run(environment, null, null, args);
    }

    /** As {@link #run(Map, String...)}, writing standard output and error to the given writers. */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ProducerCli(environment));
        withStandardHelp(commandLine);
        commandLine.setExecutionStrategy(new StrictArguments());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        if (out != null) {
            commandLine.setOut(out);
        }
        if (err != null) {
            commandLine.setErr(err);
        }
        return commandLine.execute(args);
    }

    /**
     * Every command and subcommand answers --help and --version (CLI.md), whatever its required
     * options: a command added later cannot forget it.
     */
    static void withStandardHelp(CommandLine commandLine) {
        if (!commandLine.getCommandSpec().mixinStandardHelpOptions()) {
            commandLine.getCommandSpec().mixinStandardHelpOptions(true);
        }
        commandLine.getSubcommands().values().forEach(ProducerCli::withStandardHelp);
    }

    /** The connection settings (CLI.md) from this run's environment; subcommands read them here. */
    ConnectionSettings connectionSettings() {
        return EnvironmentCheck.databasesChecked(ConnectionSettings.fromMap(environment));
    }

    /** This run's environment, for settings other than the connections (e.g. READINESS_MAX_AGE_DAYS). */
    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: see --help");
    }
}
