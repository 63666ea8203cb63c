package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.Jdbis;
import io.migration.producer.runs.FleetStatus;
import io.migration.producer.runs.RunProgress;
import io.migration.producer.runs.RunWatcher;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        description = "Progress of a run. Exit 0: every task succeeded; 1: a task is dead-lettered or failed;"
                + " 2: --timeout passed; 3: still running (without --wait).")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    static final int TIMEOUT = 2;
    static final int STILL_RUNNING = 3;

    @Option(names = "--run-id", required = true)
    String runId;

    @Option(names = "--wait", description = "show a live progress line until the run ends")
    boolean waitForEnd;

    @Option(names = "--timeout", description = "with --wait, give up after this many seconds (exit 2)")
    Long timeoutSeconds;

    @Option(names = "--interval", defaultValue = "1", description = "seconds between progress lines (default 1)")
    double intervalSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (timeoutSeconds != null && timeoutSeconds < 0) {
            throw new CommandFailure("--timeout must not be negative", OneLineErrors.USAGE, null);
        }
        ConnectionSettings settings = cli.connectionSettings();
        try (HikariDataSource target = Databases.open(settings.target(), "status-target")) {
            Jdbi targetDb = Jdbis.create(target);
            RunWatcher watcher = new RunWatcher(targetDb);
            FleetStatus fleet = new FleetStatus(targetDb, settings.fleetName());
            long deadline =
                    timeoutSeconds == null ? Long.MAX_VALUE : System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            boolean live = System.console() != null;
            PrintStream err = System.err;
            long lastLine = 0;
            while (true) {
                RunProgress progress = Databases.controlTablesQuery(() -> watcher.progress(runId))
                        .orElseThrow(() -> new CommandFailure("unknown run id " + runId, OneLineErrors.USAGE, null));
                if (progress.finished() || !waitForEnd) {
                    if (live && waitForEnd) {
                        err.print("\r\033[K");
                    }
                    System.out.println(progress.line(runId));
                    Databases.controlTablesQuery(() -> fleet.lines(runId)).forEach(System.out::println);
                    return progress.anyFailed() ? 1 : progress.finished() ? 0 : STILL_RUNNING;
                }
                if (System.nanoTime() > deadline) {
                    System.out.println(progress.line(runId));
                    Databases.controlTablesQuery(() -> fleet.lines(runId)).forEach(System.out::println);
                    err.println("timed out after " + timeoutSeconds + " s; the run goes on");
                    return TIMEOUT;
                }
                if (live) {
                    err.print("\r\033[K" + progress.line(runId));
                } else if (System.nanoTime() - lastLine > 5_000_000_000L) {
                    // Not a terminal (a log, CI): a line every 5 s instead of a redrawn one.
                    err.println(progress.line(runId));
                    Databases.controlTablesQuery(() -> fleet.lines(runId)).forEach(err::println);
                    lastLine = System.nanoTime();
                }
                err.flush();
                Thread.sleep((long) (Math.max(0.1, intervalSeconds) * 1000));
            }
        }
    }
}
