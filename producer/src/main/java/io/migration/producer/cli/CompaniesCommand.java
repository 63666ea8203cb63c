package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.Jdbis;
import io.migration.producer.report.CompaniesWriter;
import io.migration.producer.report.CompanyLifecycle;
import io.migration.producer.report.CompanyState;
import io.migration.producer.report.CompanyStatus;
import io.migration.producer.runs.OutputFormat;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "companies",
        description = {
            "Every company of the source with its lifecycle state and the run that set it: never-tried,"
                    + " dry-run-running, dry-run-passed, dry-run-failed, scheduled, migrating, migrated, verifying,"
                    + " verified, switching, switched, rolled-back, failed.",
            "The latest run with a task of the company sets its state; a newer cutover sets switching, switched,"
                    + " rolled-back or failed (needs a new switch window), and a window still to come scheduled."
        })
final class CompaniesCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "S", description = "only the companies in state S")
    String state;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        OutputFormat output = FormatOption.parse(format);
        CompanyState wanted = state == null
                ? null
                : CompanyState.named(state)
                        .orElseThrow(() -> new CommandFailure(
                                "unknown --state " + state + " (known: " + CompanyState.names() + ")",
                                OneLineErrors.USAGE,
                                null));
        ConnectionSettings settings = cli.connectionSettings();
        try (HikariDataSource source = Databases.openSource(settings.source(), "companies-source");
                HikariDataSource target = Databases.open(settings.target(), "companies-target")) {
            List<Long> ids = CompanyLifecycle.sourceCompanies(Jdbis.create(source));
            List<CompanyStatus> companies =
                    Databases.controlTablesQuery(() -> new CompanyLifecycle(Jdbis.create(target)).states(ids));
            PrintWriter out = spec.commandLine().getOut();
            CompaniesWriter.write(
                    companies.stream()
                            .filter(c -> wanted == null || c.state() == wanted)
                            .toList(),
                    output,
                    out);
            out.flush();
            return 0;
        }
    }
}
