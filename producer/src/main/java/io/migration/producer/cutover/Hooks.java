package io.migration.producer.cutover;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the application's hooks (CLI.md "The switch"): a shell command with {@code COMPANY_ID} and
 * {@code RUN_ID} in its environment; exit 0 means done. One that does not answer within the timeout
 * is killed, with everything it started, and counts as failed. Its output goes to the producer's
 * standard error, so the operator sees what the application said.
 */
public final class Hooks {

    /** Which hook, for messages. */
    public enum Kind {
        FREEZE("freeze"),
        UNFREEZE("unfreeze"),
        SWITCH("switch"),
        ROLLBACK("rollback");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Duration timeout;
    private final Map<String, String> environment;

    /** {@code environment}: the command's (tests give their own), handed to every hook. */
    public Hooks(Duration timeout, Map<String, String> environment) {
        this.timeout = timeout;
        this.environment = Map.copyOf(environment);
    }

    /** Runs {@code command}; empty when it succeeded, else why it failed (one line). */
    public Optional<String> run(Kind kind, String command, long companyId, String runId) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(environment);
        pb.environment().put("COMPANY_ID", Long.toString(companyId));
        pb.environment().put("RUN_ID", runId);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return Optional.of(kind.label() + " hook could not start: " + e.getMessage());
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return Optional.of(kind.label() + " hook gave no answer within " + timeout.toSeconds()
                        + " s (CUTOVER_HOOK_TIMEOUT) and was killed");
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        int exit = process.exitValue();
        return exit == 0 ? Optional.empty() : Optional.of(kind.label() + " hook failed with exit code " + exit);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
