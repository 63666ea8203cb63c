package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.DatabaseSettings;
import io.migration.common.db.DataSources.PoolOptions;
import io.migration.producer.seed.SeedPlan;
import io.migration.producer.seed.Seeder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "seed",
        description = "Writes a dirty legacy dataset (MIGRATION.md) into the source database, creating its tables.")
final class SeedCommand implements Callable<Integer> {

    /** Tables load in parallel on this many connections (one per core here). */
    static final int PARALLELISM = 2;

    @ParentCommand
    private ProducerCli cli;

    @Spec
    private CommandSpec spec;

    @Option(names = "--companies", required = true, paramLabel = "N", description = "number of companies (>= 1)")
    int companies;

    @Option(
            names = "--rows",
            required = true,
            paramLabel = "M",
            description = "list_recipients rows in total, over all companies (>= 1)")
    long rows;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "42",
            description = "the same seed gives the same data (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--skew-share",
            paramLabel = "F",
            defaultValue = "0",
            description = "the largest company holds this share of list_recipients (0 to " + SeedPlan.MAX_SKEW_SHARE
                    + "; default 0: company sizes follow the power law alone)")
    double skewShare;

    @Option(names = "--force", description = "replace the legacy tables even when they hold rows")
    boolean force;

    @Override
    public Integer call() throws Exception {
        validate();
        long started = System.nanoTime();
        DatabaseSettings source = cli.connectionSettings().source();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PoolOptions options =
                PoolOptions.defaults("seed").withMaximumPoolSize(PARALLELISM).withSocketTimeout(Duration.ofMinutes(30));
        try (HikariDataSource db = Databases.open(source, options)) {
            Seeder seeder = new Seeder(db, PARALLELISM, err);
            Map<String, Long> existing = seeder.legacyRows();
            if (!existing.isEmpty() && !force) {
                throw new CommandFailure("the source database " + source.safeUrl() + " already holds legacy rows ("
                        + existing.entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining(", "))
                        + "); use --force to replace them");
            }
            Seeder.Result result = seeder.seed(SeedPlan.of(companies, rows, seed, skewShare));
            out.printf(
                    Locale.ROOT,
                    "seeded %d companies, %d list_recipients, %d rows in %.1f s%n",
                    companies,
                    rows,
                    result.totalRows(),
                    (System.nanoTime() - started) / 1e9);
            out.flush();
            return 0;
        }
    }

    void validate() {
        if (companies < 1) {
            throw new ParameterException(spec.commandLine(), "--companies must be at least 1, not " + companies);
        }
        if (rows < 1) {
            throw new ParameterException(spec.commandLine(), "--rows must be at least 1, not " + rows);
        }
        if (!(skewShare >= 0 && skewShare <= SeedPlan.MAX_SKEW_SHARE)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--skew-share must be between 0 and " + SeedPlan.MAX_SKEW_SHARE + ", not " + skewShare);
        }
    }
}
