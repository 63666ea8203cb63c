package io.migration.producer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every failure is one clear line on standard error and a non-zero exit (CLI.md): wrong
 * arguments exit 64, a failed command (bad input, unreachable service) exits 1.
 */
final class OneLineErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int USAGE = 64;
    static final int FAILURE = 1;
    /** Added once to a refused connection (a CommandFailure may already carry it from its cause). */
    private static final String RUNNING_HINT = "(is the service running?)";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        // picocli starts some messages with its own "Error: ".
        String message = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                ? StrictArguments.describe(unmatched)
                : ex.getMessage();
        err.println("error: " + message.replaceFirst("^Error: ", "") + " (see --help)");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("error: " + describe(ex));
        err.flush();
        return ex instanceof CommandFailure failure ? failure.exitCode() : FAILURE;
    }

    /** The most telling message in the cause chain, on one line. */
    static String describe(Throwable ex) {
        Throwable deepest = ex;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof CommandFailure || t instanceof SQLException || t instanceof IOException) {
                deepest = t;
                if (t instanceof CommandFailure) {
                    break;
                }
            }
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        if ((deepest instanceof ConnectException || message.contains("Connection refused"))
                && !message.contains(RUNNING_HINT)) {
            message = message + " " + RUNNING_HINT;
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
