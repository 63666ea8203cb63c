package io.migration.producer.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.migration.common.amqp.Topology;
import io.migration.common.config.ConnectionSettings;
import io.migration.common.db.Jdbis;
import io.migration.common.ledger.CutoverState;
import io.migration.common.ledger.NewRun;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.message.RunMode;
import io.migration.producer.cutover.CutoverLedger;
import io.migration.producer.enqueue.CohortFiles;
import io.migration.producer.enqueue.CompanySelection;
import io.migration.producer.enqueue.RunPlanner;
import io.migration.producer.enqueue.SourceCatalog;
import io.migration.producer.enqueue.TaskPublisher;
import io.migration.producer.readiness.ReadinessOptions;
import io.migration.producer.readiness.RunAdmission;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "enqueue",
        description = "Plans a run and publishes one message per company per table-shard; prints the run id last.")
final class EnqueueCommand implements Callable<Integer> {

    @ParentCommand
    private ProducerCli cli;

    /** What a run id may be (it names queues' messages and ledger rows; cutover takes the same). */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Option(names = "--mode", required = true, description = "dry-run, migrate or verify")
    String mode;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--all", description = "every company of the source")
        boolean all;

        @Option(names = "--companies", split = ",", description = "company ids, comma-separated")
        List<Long> companies;

        @Option(names = "--cohort", description = "a file of company ids, one a line")
        Path cohort;
    }

    @Option(names = "--run-id", description = "reuse a run id: publishes only what was not confirmed before")
    String runId;

    /** The customer's test run: a dry run's thresholds, a migrate run's readiness check and its override. */
    @Mixin
    ReadinessOptions readiness;

    @Option(
            names = "--shard-rows",
            description = "most source rows in one task (default " + RunPlanner.DEFAULT_SHARD_ROWS + ")")
    Integer shardRows;

    @Option(
            names = "--broker-timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "how long to wait for the broker's confirms, or for it to lift a memory or disk alarm"
                    + " (default ${DEFAULT-VALUE})")
    long brokerTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        RunMode runMode = RunMode.fromWireName(mode)
                .filter(RunMode::enqueued)
                .orElseThrow(() -> new CommandFailure(
                        "unknown --mode " + mode + " (expected dry-run, migrate or verify)",
                        OneLineErrors.USAGE,
                        null));
        readiness.validate(runMode);
        if (runId != null && !RUN_ID.matcher(runId).matches()) {
            throw new CommandFailure(
                    "--run-id must be 1-100 letters, digits, '.', '_' or '-': " + runId, OneLineErrors.USAGE, null);
        }
        if (shardRows != null && shardRows < 1) {
            throw new CommandFailure("--shard-rows must be positive", OneLineErrors.USAGE, null);
        }
        if (brokerTimeoutSeconds < 1) {
            throw new CommandFailure("--broker-timeout must be positive", OneLineErrors.USAGE, null);
        }
        CompanySelection companies = selection();
        ConnectionSettings settings = cli.connectionSettings();
        String id = runId != null ? runId : newRunId();
        // The broker first: a wrong AMQP_URI or a broker that is down must not leave a run recorded.
        try (TaskPublisher publisher = EnqueuePublishing.open(settings, brokerTimeoutSeconds);
                HikariDataSource target = Databases.open(settings.target(), "enqueue-target")) {
            Jdbi targetDb = Jdbis.create(target);
            TaskLedger ledger = new TaskLedger(targetDb);
            boolean repeat = Databases.controlTablesQuery(
                    () -> EnqueuePublishing.isRepeat(targetDb, id, runMode, companies, shardRows));
            if (repeat) {
                System.err.printf("run %s exists: publishing the tasks not confirmed before%n", id);
            } else {
                planRun(settings, ledger, targetDb, id, runMode, companies);
            }
            List<PlannedTask> pending = ledger.unpublishedTasks(id);
            EnqueuePublishing.publish(publisher, ledger, id, pending, runMode);
            System.err.printf(
                    "published %d task(s) of run %s to %s%n",
                    pending.size(), id, new Topology(settings.fleetName()).workQueue());
        }
        System.out.println(id);
        return 0;
    }

    private CompanySelection selection() {
        try {
            if (selection.all) {
                return CompanySelection.everyCompany();
            }
            if (selection.cohort != null) {
                CohortFiles.checkReadable(selection.cohort);
                return CompanySelection.fromCohortFile(selection.cohort);
            }
            return CompanySelection.of(selection.companies);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), OneLineErrors.USAGE, e);
        }
    }

    private void planRun(
            ConnectionSettings settings,
            TaskLedger ledger,
            Jdbi targetDb,
            String id,
            RunMode runMode,
            CompanySelection companies) {
        try (HikariDataSource source = Databases.openSource(settings.source(), "enqueue-source")) {
            SourceCatalog catalog = new SourceCatalog(Jdbis.create(source));
            int rows = shardRows == null ? RunPlanner.DEFAULT_SHARD_ROWS : shardRows;
            List<PlannedTask> planned = new RunPlanner(rows).plan(id, catalog.sizes(companies));
            if (runMode == RunMode.MIGRATE) {
                refuseSwitched(targetDb, planned);
            }
            RunAdmission admission = readiness.admit(
                    id, runMode, companies.all(), planned, Jdbis.create(source), targetDb, cli.environment());
            List<PlannedTask> tasks = admission.tasks();
            ledger.recordRun(
                    new NewRun(
                            id,
                            runMode,
                            companies.description(),
                            companies.all() ? null : companies.companyIds(),
                            rows,
                            settings.fleetName()),
                    tasks,
                    admission::record);
            System.err.printf("planned run %s: %d task(s) over %s%n", id, tasks.size(), companies.description());
        }
    }

    /**
     * A switched company is the new service's: a migrate run would replace what the service wrote since
     * with the legacy rows. It is refused, override or not, until `cutover rollback`.
     */
    private static void refuseSwitched(Jdbi targetDb, List<PlannedTask> planned) {
        List<Long> ids =
                planned.stream().map(PlannedTask::companyId).distinct().sorted().toList();
        List<String> switched = new CutoverLedger(targetDb)
                .latestOf(ids).values().stream()
                        .map(CutoverLedger.Latest::cutover)
                        .filter(c -> c.state() == CutoverState.SWITCHED)
                        .map(c -> c.companyId() + " (run " + c.runId() + ")")
                        .sorted()
                        .toList();
        if (!switched.isEmpty()) {
            throw new CommandFailure(
                    "refused: company(ies) " + String.join(", ", switched) + " switched to the new"
                            + " service: a migrate run would overwrite its writes (cutover rollback first); nothing was"
                            + " recorded",
                    OneLineErrors.FAILURE,
                    null);
        }
    }

    private static String newRunId() {
        return "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
