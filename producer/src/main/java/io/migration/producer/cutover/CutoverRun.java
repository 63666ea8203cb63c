package io.migration.producer.cutover;

import io.migration.common.db.Jdbis;
import io.migration.common.db.SqlFiles;
import io.migration.common.ledger.NewRun;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.ledger.RunRecord;
import io.migration.common.ledger.TaskLedger;
import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.producer.enqueue.CompanySelection;
import io.migration.producer.enqueue.CompanySize;
import io.migration.producer.enqueue.RunPlanner;
import io.migration.producer.enqueue.SourceCatalog;
import io.migration.producer.enqueue.TaskPublisher;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * A cutover run: records it (or finds it again, for {@code --run-id}), then switches its companies
 * in parallel, each on its own thread with its own freeze, so one company's failure never holds up
 * another's switch.
 */
public final class CutoverRun {

    /** What the command asked for. */
    public record Request(
            String runId,
            CompanySelection companies,
            boolean unscheduled,
            boolean skipReadinessCheck,
            Duration readinessMaxAge,
            String fleet) {}

    /** Each company's outcome, in company order. */
    public record Result(List<CompanyOutcome> outcomes) {
        public boolean allSwitched() {
            return outcomes.stream().allMatch(CompanyOutcome::switched);
        }
    }

    /** The run exists but cannot be resumed as asked (another mode, other companies). */
    public static final class RefusedException extends IllegalStateException {
        public RefusedException(String message) {
            super(message);
        }
    }

    private final CutoverSettings settings;
    private final Jdbi target;
    private final DataSource sourceData;
    private final Jdbi source;
    private final TaskPublisher publisher;
    private final PrintWriter err;

    public CutoverRun(
            CutoverSettings settings, Jdbi target, DataSource source, TaskPublisher publisher, PrintWriter err) {
        this.settings = settings;
        this.target = target;
        this.sourceData = source;
        this.source = Jdbis.create(source);
        this.publisher = publisher;
        this.err = err;
    }

    public Result execute(Request request) throws InterruptedException, IOException, TimeoutException {
        CutoverLedger ledger = new CutoverLedger(target);
        TaskLedger tasks = new TaskLedger(target);
        var recorded = tasks.findRun(request.runId());
        List<Long> companies = recorded.isPresent() ? resume(request, recorded.get(), ledger) : admit(request, tasks);
        TaskDispatch dispatch = new TaskDispatch(ledger, tasks, publisher);
        republishUnconfirmed(request.runId(), dispatch);
        Map<Long, CompanySize> sizes = new SourceCatalog(source)
                .sizes(CompanySelection.of(companies)).stream()
                        .collect(Collectors.toMap(CompanySize::companyId, Function.identity()));
        CutoverContext ctx = new CutoverContext(
                request.runId(),
                settings,
                ledger,
                new SwitchWindows(target),
                dispatch,
                new SourceProbe(sourceData),
                settings.hooks(),
                new FreezeGate(settings.maxFrozen()),
                target);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(companies.size(), 16));
        try {
            List<Future<CompanyOutcome>> futures = new ArrayList<>();
            for (long company : companies) {
                futures.add(pool.submit(() -> new CompanyCutover(ctx, company, sizes.get(company), err).run()));
            }
            List<CompanyOutcome> outcomes = new ArrayList<>();
            for (Future<CompanyOutcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a company's cutover broke: " + e.getCause(), e.getCause());
                }
            }
            return new Result(outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Long> admit(Request request, TaskLedger tasks) {
        List<Long> companies = new SourceCatalog(source)
                .sizes(request.companies()).stream()
                        .map(CompanySize::companyId)
                        .sorted()
                        .toList();
        CutoverAdmission admission = CutoverAdmission.judge(
                companies,
                source,
                target,
                request.readinessMaxAge(),
                Instant.now(),
                request.skipReadinessCheck(),
                request.unscheduled(),
                err);
        if (!admission.refused().isEmpty()) {
            throw new RefusedException(admission.refused().size() + " of " + companies.size()
                    + " company(ies) refused; nothing was recorded");
        }
        tasks.recordRun(
                new NewRun(
                        request.runId(),
                        RunMode.CUTOVER,
                        request.companies().description(),
                        companies,
                        RunPlanner.DEFAULT_SHARD_ROWS,
                        request.fleet()),
                List.of(),
                h -> {
                    admission.record(h, request.runId());
                    for (long company : companies) {
                        h.createUpdate(SqlFiles.get("cutover/start-company"))
                                .bind("runId", request.runId())
                                .bind("companyId", company)
                                .bind("policy", admission.policyOf(company))
                                .execute();
                    }
                });
        err.printf("cutover run %s: %d company(ies)%n", request.runId(), companies.size());
        err.flush();
        return companies;
    }

    /** A repeated {@code cutover --run-id}: the same companies, each going on from where it stands. */
    private List<Long> resume(Request request, RunRecord run, CutoverLedger ledger) {
        if (run.mode() != RunMode.CUTOVER) {
            throw new RefusedException(
                    "run " + request.runId() + " is a " + run.mode().wireName() + " run, not a cutover");
        }
        List<Long> recorded = ledger.runCompanies(request.runId()).stream()
                .map(CompanyCutoverRecord::companyId)
                .toList();
        if (!request.companies().all()
                && !recorded.equals(request.companies().companyIds().stream()
                        .sorted()
                        .distinct()
                        .toList())) {
            throw new RefusedException("run " + request.runId() + " switches companies " + recorded + ", not "
                    + request.companies().companyIds());
        }
        err.printf("cutover run %s exists: going on with %d company(ies)%n", request.runId(), recorded.size());
        err.flush();
        return recorded;
    }

    private void republishUnconfirmed(String runId, TaskDispatch dispatch)
            throws InterruptedException, IOException, TimeoutException {
        List<Map<String, Object>> rows = target.withHandle(h -> h.createQuery(SqlFiles.get("cutover/unpublished-tasks"))
                .bind("runId", runId)
                .mapToMap()
                .list());
        for (RunMode mode : List.of(RunMode.CATCH_UP, RunMode.VERIFY)) {
            List<PlannedTask> planned = rows.stream()
                    .filter(r -> mode.wireName().equals(r.get("mode")))
                    .map(r -> new PlannedTask(
                            runId,
                            ((Number) r.get("company_id")).longValue(),
                            TaskGroup.fromWireName((String) r.get("task_group")).orElseThrow(),
                            ((Number) r.get("shard")).intValue(),
                            ((Number) r.get("shard_count")).intValue(),
                            ((Number) r.get("bucket_lo")).intValue(),
                            ((Number) r.get("bucket_hi")).intValue(),
                            ((Number) r.get("estimated_rows")).longValue()))
                    .toList();
            if (!planned.isEmpty()) {
                dispatch.publish(planned, mode);
            }
        }
    }
}
