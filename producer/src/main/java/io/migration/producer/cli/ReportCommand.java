package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.producer.watch.ReportFormat;
import io.migration.producer.watch.RunReport;
import io.migration.producer.watch.RunReport.CompanyReport;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;

@Command(name = "report",
        description = "Per company: rows read, written and rejected by table and reason, and duration.")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    @Option(names = "--run-id", required = true) String runId;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        ReportFormat output;
        try {
            output = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("unknown --format " + format + " (expected table, csv or json)",
                    OneLineErrors.USAGE, e);
        }
        try (HikariDataSource target = Databases.open(cli.connectionSettings().target(), "report-target")) {
            List<CompanyReport> companies = Databases.controlTablesQuery(
                    () -> RunReport.load(Jdbi.create(target), runId));
            if (companies.isEmpty()) {
                throw new CommandFailure("unknown run id " + runId, OneLineErrors.USAGE, null);
            }
            output.write(companies, System.out);
            return 0;
        }
    }
}
