package io.migration.producer.report;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.RunMode;
import io.migration.producer.readiness.DryRunFigures;
import io.migration.producer.readiness.ReadinessPolicy;
import io.migration.producer.readiness.Verdict;
import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.RunInfo;
import io.migration.producer.runs.RunLedger;
import io.migration.producer.runs.Verification;
import io.migration.producer.runs.VerifyResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Every company of the source with its lifecycle state. The latest run that has a task of the
 * company (by creation time) sets its state, whatever earlier runs did: a dry run after a
 * migration makes it {@code dry-run-passed} or {@code dry-run-failed} again, and a verify run
 * after a migration {@code verified} or {@code failed}.
 */
public final class CompanyLifecycle {

    private final Jdbi target;
    private final RunLedger ledger;

    public CompanyLifecycle(Jdbi target) {
        this.target = target;
        this.ledger = new RunLedger(target);
    }

    /** The ids of the source's companies, in order. */
    public static List<Long> sourceCompanies(Jdbi source) {
        return source.withHandle(h -> h.createQuery(SqlFiles.get("report/source-companies"))
                .mapTo(Long.class)
                .list());
    }

    /** The state of each of the companies, in the order given. */
    public List<CompanyStatus> states(List<Long> companies) {
        Map<Long, String> latestRun = new LinkedHashMap<>();
        target.useHandle(h -> h.createQuery(SqlFiles.get("report/latest-runs"))
                .bind("companyIds", companies.toArray(new Long[0]))
                .map((rs, ctx) -> latestRun.put(rs.getLong("company_id"), rs.getString("run_id")))
                .list());
        Map<String, List<Long>> companiesByRun = new LinkedHashMap<>();
        latestRun.forEach((company, run) ->
                companiesByRun.computeIfAbsent(run, k -> new ArrayList<>()).add(company));
        Map<Long, CompanyStatus> states = new TreeMap<>();
        companiesByRun.forEach((runId, ids) -> {
            RunInfo run = ledger.run(runId).orElseThrow();
            SortedMap<Long, CompanyFigures> figures =
                    ledger.figures(List.of(run), ids).getOrDefault(runId, new TreeMap<>());
            states.putAll(statesIn(run, figures));
        });
        List<CompanyStatus> out = new ArrayList<>();
        SwitchStates switches = new SwitchStates(target, companies);
        for (long company : companies) {
            out.add(switches.over(states.getOrDefault(
                    company, new CompanyStatus(company, CompanyState.NEVER_TRIED, null, null, null, ""))));
        }
        return out;
    }

    private Map<Long, CompanyStatus> statesIn(RunInfo run, SortedMap<Long, CompanyFigures> figures) {
        Map<Long, CompanyStatus> out = new TreeMap<>();
        if (run.mode() == RunMode.CUTOVER) {
            return out;
        }
        SortedMap<Long, Verification> verifications = switch (run.mode()) {
            case VERIFY -> new VerifyResults(target).judge(run.runId(), figures.values());
            default -> new TreeMap<>();
        };
        ReadinessPolicy policy = ReadinessPolicy.fromJson(run.policyJson());
        for (CompanyFigures f : figures.values()) {
            CompanyState state;
            String detail = "";
            switch (run.mode()) {
                case DRY_RUN -> {
                    Verdict verdict = policy.judge(DryRunFigures.of(f));
                    boolean running = f.unfinished() > 0 && f.failed() == 0;
                    state = running
                            ? CompanyState.DRY_RUN_RUNNING
                            : verdict.passed() ? CompanyState.DRY_RUN_PASSED : CompanyState.DRY_RUN_FAILED;
                    detail = running ? "" : String.join("; ", verdict.reasons());
                }
                case MIGRATE -> {
                    state = f.failed() > 0
                            ? CompanyState.FAILED
                            : f.finished()
                                    ? CompanyState.MIGRATED
                                    : f.started() > 0 ? CompanyState.MIGRATING : CompanyState.SCHEDULED;
                    detail = f.failed() > 0
                            ? f.failed() + " task(s) dead-lettered or failed"
                                    + (f.firstError() == null ? "" : " (" + f.firstError() + ")")
                            : "";
                }
                default -> {
                    Verification v = verifications.get(f.companyId());
                    state = f.failed() == 0 && f.unfinished() > 0
                            ? CompanyState.VERIFYING
                            : v.verified() ? CompanyState.VERIFIED : CompanyState.FAILED;
                    detail = state == CompanyState.VERIFYING ? "" : String.join("; ", v.reasons());
                }
            }
            out.put(
                    f.companyId(),
                    new CompanyStatus(
                            f.companyId(),
                            state,
                            run.runId(),
                            run.mode().wireName(),
                            since(run, f),
                            detail.replaceAll("\\s+", " ")));
        }
        return out;
    }

    private static Instant since(RunInfo run, CompanyFigures f) {
        if (f.unfinished() == 0 && f.lastFinished() != null) {
            return f.lastFinished();
        }
        return f.firstStarted() != null ? f.firstStarted() : run.createdAt();
    }
}
