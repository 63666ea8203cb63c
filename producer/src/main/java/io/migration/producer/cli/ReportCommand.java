package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.db.Jdbis;
import io.migration.common.message.RunMode;
import io.migration.producer.cutover.CutoverLedger;
import io.migration.producer.cutover.CutoverReport;
import io.migration.producer.readiness.PolicyOptions;
import io.migration.producer.report.ReportModel;
import io.migration.producer.report.ReportWriter;
import io.migration.producer.report.RunDiff;
import io.migration.producer.report.RunReports;
import io.migration.producer.runs.OutputFormat;
import io.migration.producer.runs.RunInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        description = {
            "Per company: rows read, written and rejected by table and reason, and duration;"
                    + " a dry run's PASS or FAIL with reasons, a verify run's VERIFIED or the differences.",
            "--passing prints the passing company ids alone, one a line (a --cohort file): a dry run's PASS,"
                    + " a verify run's VERIFIED, a migrate run's succeeded companies."
        })
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--run-id", required = true)
    String runId;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--passing", description = "only the passing company ids, one a line (usable as --cohort)")
    boolean passing;

    @Option(
            names = "--diff",
            paramLabel = "OTHER_ID",
            description = "what changed per company from run OTHER_ID to this run (status, counts by table and reason)")
    String diff;

    /** Thresholds replacing a dry run's recorded ones, to explore; enqueue --mode migrate keeps the recorded ones. */
    @Mixin
    PolicyOptions policy;

    @Override
    public Integer call() {
        OutputFormat output = FormatOption.parse(format);
        if (passing && diff != null) {
            throw new CommandFailure("--passing and --diff do not go together", OneLineErrors.USAGE, null);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HikariDataSource target = Databases.open(cli.connectionSettings().target(), "report-target")) {
            Jdbi targetDb = Jdbis.create(target);
            RunReports reports = new RunReports(targetDb);
            RunInfo run = find(reports, runId);
            ReportModel model = Databases.controlTablesQuery(() -> reports.build(run, policy::over));
            if (diff != null) {
                RunInfo other = find(reports, diff);
                ReportModel baseline = reports.build(other, policy::over);
                RunDiff.write(other.runId(), run.runId(), RunDiff.between(baseline, model), output, out);
            } else if (run.mode() == RunMode.CUTOVER) {
                CutoverReport.write(
                        new CutoverLedger(targetDb).runCompanies(run.runId()), run.runId(), output, passing, out);
            } else if (passing) {
                model.passingCompanies().forEach(out::println);
            } else {
                ReportWriter.write(model, output, out);
            }
            out.flush();
            return 0;
        }
    }

    private static RunInfo find(RunReports reports, String id) {
        return Databases.controlTablesQuery(() -> reports.run(id))
                .orElseThrow(() -> new CommandFailure("unknown run id " + id, OneLineErrors.USAGE, null));
    }
}
