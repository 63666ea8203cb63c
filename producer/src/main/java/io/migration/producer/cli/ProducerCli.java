package io.migration.producer.cli;

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
            EnqueueCommand.class,
            StatusCommand.class,
            ReportCommand.class,
        })
public final class ProducerCli implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code; tests call this in-process. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new ProducerCli());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        commandLine.setParameterExceptionHandler(new OneLineErrors());
        return commandLine.execute(args);
    }

    /** Runs one command with {@code env} in place of the process environment (CLI.md variables). */
    public static int run(Map<String, String> env, String... args) {
        Environment.override(env);
        try {
            return run(args);
        } finally {
            Environment.clear();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: see --help");
    }
}
