package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.DataSources;
import io.migration.common.db.Jdbis;
import io.migration.producer.cutover.CompanyOutcome;
import io.migration.producer.cutover.CutoverRun;
import io.migration.producer.cutover.CutoverSettings;
import io.migration.producer.enqueue.CompanySelection;
import io.migration.producer.enqueue.SourceCatalog;
import io.migration.producer.enqueue.TaskPublisher;
import io.migration.producer.readiness.ReadinessOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "cutover",
        subcommands = CutoverRollbackCommand.class,
        description = {
            "Switches each company from the legacy tables to the new service while the application keeps"
                    + " writing: catch-up copies, the freeze hook, the final delta once the application's open"
                    + " transactions ended, a verification to the row, readiness on the final rows, the switch hook."
                    + " Prints the run id last; exit 0 when every company was switched, 1 when any was not.",
            "Hooks: CUTOVER_FREEZE_HOOK, CUTOVER_UNFREEZE_HOOK, CUTOVER_SWITCH_HOOK (CUTOVER_HOOK_TIMEOUT, default"
                    + " 30 s). A repeat with --run-id goes on where the run stopped, never freezing a company twice."
        })
final class CutoverCommand implements Callable<Integer> {

    @ParentCommand
    ProducerCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    CompanyOptions companies;

    @Option(names = "--run-id", description = "the run's id; an existing cutover run goes on where it stopped")
    String runId;

    @Option(names = "--unscheduled", description = "switch companies outside their scheduled window (recorded)")
    boolean unscheduled;

    @Option(
            names = "--skip-readiness-check",
            description = "switch companies without a recent passing dry run on the current schema (recorded);"
                    + " the final rows are then not judged by a readiness policy either")
    boolean skipReadinessCheck;

    @Override
    public Integer call() throws Exception {
        CompanySelection selection = companies.selection();
        if (runId != null && !EnqueueCommand.RUN_ID.matcher(runId).matches()) {
            throw new CommandFailure(
                    "--run-id must be 1-100 letters, digits, '.', '_' or '-': " + runId, OneLineErrors.USAGE, null);
        }
        CutoverSettings settings;
        try {
            settings = CutoverSettings.fromEnvironment(cli.environment());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
        if (settings.missingCutoverHooks() != null) {
            throw new CommandFailure(settings.missingCutoverHooks(), OneLineErrors.USAGE, null);
        }
        Duration maxAge = Duration.ofDays(ScheduleCommand.wholeDays(
                cli.environment(), ReadinessOptions.ENV_MAX_AGE_DAYS, ReadinessOptions.DEFAULT_MAX_AGE_DAYS));
        String id = runId != null
                ? runId
                : "cutover-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        ConnectionSettings connections = cli.connectionSettings();
        PrintWriter err = new PrintWriter(System.err, true);
        CutoverRun.Result result;
        try (TaskPublisher publisher = EnqueuePublishing.open(connections, 60);
                HikariDataSource target = Databases.open(connections.target(), "cutover-target");
                HikariDataSource source = Databases.open(
                        connections.source(),
                        DataSources.PoolOptions.defaults("cutover-source")
                                .withReadOnly(true)
                                .withMaximumPoolSize(8)
                                .withStatementTimeout(Duration.ofMinutes(5)))) {
            CutoverRun run = new CutoverRun(settings, Jdbis.create(target), source, publisher, err);
            result = Databases.controlTablesQuery(() -> {
                try {
                    return run.execute(new CutoverRun.Request(
                            id, selection, unscheduled, skipReadinessCheck, maxAge, connections.fleetName()));
                } catch (SourceCatalog.UnknownCompanyException e) {
                    throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
                } catch (CutoverRun.RefusedException e) {
                    throw new CommandFailure(e.getMessage(), OneLineErrors.FAILURE, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CommandFailure("interrupted; repeat cutover --run-id " + id + " to go on", e);
                } catch (IOException | TimeoutException e) {
                    throw new CommandFailure(
                            "cutover " + id + ": " + OneLineErrors.describe(e) + "; repeat cutover --run-id " + id
                                    + " to go on",
                            e);
                }
            });
        }
        long switched =
                result.outcomes().stream().filter(CompanyOutcome::switched).count();
        for (CompanyOutcome o : result.outcomes()) {
            if (!o.switched()) {
                err.println("not switched: company " + o.companyId() + ": " + o.reason());
            }
        }
        err.printf(
                "cutover run %s: %d of %d company(ies) switched%n",
                id, switched, result.outcomes().size());
        PrintWriter out = spec.commandLine().getOut();
        out.println(id);
        out.flush();
        return result.allSwitched() ? 0 : 1;
    }
}
