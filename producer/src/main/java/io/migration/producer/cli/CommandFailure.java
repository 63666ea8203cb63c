package io.migration.producer.cli;

/** A command that cannot do what it was asked, with the line the operator reads and the exit code. */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(String message) {
        this(message, OneLineErrors.FAILURE, null);
    }

    public CommandFailure(String message, Throwable cause) {
        this(message, OneLineErrors.FAILURE, cause);
    }

    public CommandFailure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
