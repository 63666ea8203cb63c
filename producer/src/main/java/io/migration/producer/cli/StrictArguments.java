package io.migration.producer.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Refuses an unmatched argument before anything runs, help included: picocli lets a help option
 * win over one (FIELD-NOTES), so `producer no-such-command --help` printed the usage and exited 0
 * as if the command existed. The refusal goes to {@link OneLineErrors}: one line, exit 64.
 */
final class StrictArguments implements IExecutionStrategy {

    private final IExecutionStrategy next = new CommandLine.RunLast();

    @Override
    public int execute(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return next.execute(parseResult);
    }

    /**
     * What to say about unmatched arguments: an unknown command where the command has
     * subcommands and the first one is no option, else picocli's own message.
     */
    static String describe(UnmatchedArgumentException ex) {
        CommandLine command = ex.getCommandLine();
        List<String> unmatched = ex.getUnmatched();
        if (!unmatched.isEmpty()
                && !unmatched.get(0).startsWith("-")
                && !command.getSubcommands().isEmpty()) {
            String parent = command.getCommandSpec().qualifiedName(" ");
            String path = parent.contains(" ") ? parent.substring(parent.indexOf(' ') + 1) + " " : "";
            return "unknown command '" + path + unmatched.get(0) + "'";
        }
        return ex.getMessage();
    }
}
