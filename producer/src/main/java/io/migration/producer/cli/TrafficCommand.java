package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.common.db.Jdbis;
import io.migration.producer.enqueue.CompanySelection;
import io.migration.producer.enqueue.SourceCatalog;
import io.migration.producer.seed.CompanyTraffic;
import io.migration.producer.seed.TrafficGenerator;
import io.migration.producer.seed.TrafficRun;
import io.migration.producer.seed.TrafficSettings;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "traffic",
        description = "Plays the application during a cutover: writes to the source's legacy tables like the monolith,"
                + " for the given companies, reading each company's flag in app_cutover_flags first (frozen: no write;"
                + " switched: writes to the target's tables like the new service). Stops after --duration or on"
                + " SIGTERM and prints one summary line per company. For tests, demos and benchmarks.")
final class TrafficCommand implements Callable<Integer> {

    private static final String UNDEFINED_TABLE = "42P01";

    @ParentCommand
    private ProducerCli cli;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--all", description = "every company of the source")
        boolean all;

        @Option(names = "--companies", split = ",", paramLabel = "ID", description = "company ids, comma-separated")
        List<Long> companies;
    }

    @Option(
            names = "--writes-per-second",
            paramLabel = "N",
            defaultValue = "50",
            description = "transactions per second over all threads (default ${DEFAULT-VALUE})")
    double writesPerSecond;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "stops by itself after this long (default ${DEFAULT-VALUE})")
    long durationSeconds;

    @Option(
            names = "--threads",
            paramLabel = "N",
            defaultValue = "2",
            description = "connections writing at once (default ${DEFAULT-VALUE})")
    int threads;

    @Option(
            names = "--hold-millis",
            paramLabel = "M",
            defaultValue = "200",
            description = "a quarter of the transactions stay open up to this long before their commit"
                    + " (default ${DEFAULT-VALUE})")
    int holdMillis;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "seed of the random choices (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        settings(List.of(1L));
        CompanySelection wanted = selection();
        ConnectionSettings connections = cli.connectionSettings();
        PoolOptions pool = PoolOptions.defaults("traffic").withMaximumPoolSize(threads);
        try (HikariDataSource source = Databases.open(connections.source(), pool);
                HikariDataSource target = targetOrNull(connections, pool)) {
            TrafficRun run = legacyTablesNeeded(() -> {
                List<Long> companies = companyIds(source, wanted);
                PrintWriter err = spec.commandLine().getErr();
                err.printf(
                        Locale.ROOT,
                        "traffic: %d companies, %.1f writes/s on %d threads for %d s%n",
                        companies.size(),
                        writesPerSecond,
                        threads,
                        durationSeconds);
                err.flush();
                return TrafficGenerator.start(settings(companies), source, target);
            });
            return untilEnd(run);
        }
    }

    /**
     * The target, needed only for a switched company: when it cannot be reached the traffic runs without
     * it (a switched company's transactions then write nothing), saying so.
     */
    private HikariDataSource targetOrNull(ConnectionSettings connections, PoolOptions pool) {
        try {
            return Databases.open(connections.target(), pool);
        } catch (CommandFailure e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("traffic: without a target (" + e.getMessage() + "): a switched company's writes are skipped");
            err.flush();
            return null;
        }
    }

    /** Waits for the run's end or a SIGTERM, then prints the summary (also from the shutdown hook's wait). */
    private int untilEnd(TrafficRun run) throws InterruptedException {
        CountDownLatch printed = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    run.stop();
                    try {
                        printed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "traffic-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!run.awaitEnd(Duration.ofSeconds(1))) {
                // the threads end by themselves at the duration, or the hook stops them
            }
            return summary(run);
        } finally {
            printed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the summary is out
            }
        }
    }

    private int summary(TrafficRun run) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long transactions = 0;
        long failed = 0;
        for (CompanyTraffic company : run.stats().values()) {
            out.println(company.summaryLine());
            transactions += company.transactions();
            failed += company.failures();
        }
        out.flush();
        double seconds = run.elapsedSeconds();
        err.printf(
                Locale.ROOT,
                "traffic: %d transactions in %.1f s (%.1f/s), %d failed%n",
                transactions,
                seconds,
                transactions / Math.max(seconds, 1e-9),
                failed);
        if (run.lastError() != null) {
            err.println("traffic: last error: " + run.lastError());
        }
        err.flush();
        if (transactions > 0 && failed == transactions) {
            throw new CommandFailure("every transaction failed: " + run.lastError());
        }
        return 0;
    }

    private TrafficSettings settings(List<Long> companies) {
        try {
            return TrafficSettings.of(
                    companies, writesPerSecond, threads, holdMillis, seed, Duration.ofSeconds(durationSeconds));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
    }

    private CompanySelection selection() {
        try {
            return selection.all ? CompanySelection.everyCompany() : CompanySelection.of(selection.companies);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
    }

    /** Runs a first read of the source, saying what to do when it has no legacy tables. */
    private static <T> T legacyTablesNeeded(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNDEFINED_TABLE.equals(sql.getSQLState())) {
                    throw new CommandFailure(
                            "the source database has no legacy tables (" + OneLineErrors.describe(t)
                                    + "): run `producer seed` first",
                            e);
                }
            }
            throw e;
        }
    }

    private static List<Long> companyIds(HikariDataSource source, CompanySelection wanted) {
        try {
            List<Long> ids = new SourceCatalog(Jdbis.create(source)).companyIds(wanted);
            if (ids.isEmpty()) {
                throw new CommandFailure("the source holds no company");
            }
            return ids;
        } catch (SourceCatalog.UnknownCompanyException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }
}
