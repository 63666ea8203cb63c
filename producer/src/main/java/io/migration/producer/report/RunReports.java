package io.migration.producer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migration.common.schema.LegacyDdl;
import io.migration.producer.readiness.DryRunFigures;
import io.migration.producer.readiness.ReadinessPolicy;
import io.migration.producer.readiness.Verdict;
import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.RunFigures;
import io.migration.producer.runs.RunInfo;
import io.migration.producer.runs.RunLedger;
import io.migration.producer.runs.Verification;
import io.migration.producer.runs.VerifyResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * Builds a run's report from the control tables: a migrate run's status per company, a dry run's
 * readiness verdicts (by the recorded policy, or by the report's thresholds when given), a verify
 * run's verifications.
 */
public final class RunReports {

    /** The legacy tables R12 accounts for: every one but {@code companies}, the unit of work. */
    static final List<String> DATA_TABLES = LegacyDdl.TABLES.subList(1, LegacyDdl.TABLES.size());

    private final RunLedger ledger;
    private final VerifyResults verifyResults;

    public RunReports(Jdbi target) {
        this.ledger = new RunLedger(target);
        this.verifyResults = new VerifyResults(target);
    }

    public Optional<RunInfo> run(String runId) {
        return ledger.run(runId);
    }

    /** {@code policy} turns the dry run's recorded policy into the one to judge by (identity: as recorded). */
    public ReportModel build(RunInfo run, UnaryOperator<ReadinessPolicy> policy) {
        RunFigures figures = ledger.figures(run);
        return switch (run.mode()) {
            case DRY_RUN -> dryRun(figures, policy.apply(ReadinessPolicy.fromJson(run.policyJson())));
            case VERIFY -> verify(figures);
            case MIGRATE, CUTOVER -> migrate(figures);
            case CATCH_UP -> throw new IllegalStateException("catch-up is a task's mode, never a run's");
        };
    }

    private static ReportModel dryRun(RunFigures figures, ReadinessPolicy policy) {
        List<CompanyEntry> entries = new ArrayList<>();
        for (CompanyFigures c : figures.companies()) {
            Verdict verdict = policy.judge(DryRunFigures.of(c));
            entries.add(new CompanyEntry(
                    c.companyId(),
                    verdict.label(),
                    verdict.passed(),
                    verdict.reasons(),
                    c.taskSeconds(),
                    c,
                    List.of()));
        }
        // Only a dry run over all companies has the orphans task (company 0) and so the whole source.
        List<AccountingLine> accounting = figures.orphans().isPresent() ? accounting(figures) : List.of();
        return new ReportModel(
                figures.run(), "judged by: " + policy.describe(), entries, figures.orphans(), accounting);
    }

    private ReportModel verify(RunFigures figures) {
        SortedMap<Long, Verification> verifications =
                verifyResults.judge(figures.run().runId(), figures.companies());
        List<CompanyEntry> entries = figures.companies().stream()
                .map(c -> {
                    Verification v = verifications.get(c.companyId());
                    return new CompanyEntry(c.companyId(), v.label(), v.verified(), v.reasons(), null, c, v.tables());
                })
                .toList();
        return new ReportModel(figures.run(), null, entries, Optional.empty(), List.of());
    }

    private static ReportModel migrate(RunFigures figures) {
        List<CompanyEntry> entries = figures.companies().stream()
                .map(c -> {
                    String status = c.failed() > 0 ? "failed" : c.finished() ? "succeeded" : "in progress";
                    List<String> reasons =
                            c.failed() > 0 && c.firstError() != null ? List.of(c.firstError()) : List.of();
                    return new CompanyEntry(
                            c.companyId(), status, c.finished() && c.failed() == 0, reasons, null, c, List.of());
                })
                .toList();
        return new ReportModel(figures.run(), skippedCheck(figures.run()), entries, Optional.empty(), List.of());
    }

    private static String skippedCheck(RunInfo run) {
        if (!run.skipReadiness()) {
            return null;
        }
        int refused = 0;
        if (run.readinessOverridesJson() != null) {
            try {
                JsonNode overrides = new ObjectMapper().readTree(run.readinessOverridesJson());
                refused = overrides.path("refused").size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "readiness check skipped (--skip-readiness-check): " + refused + " company(ies) would have been refused";
    }

    private static List<AccountingLine> accounting(RunFigures figures) {
        List<AccountingLine> lines = new ArrayList<>();
        Optional<CompanyFigures> orphans = figures.orphans();
        boolean counted =
                orphans.map(o -> o.tasks() > 0 && o.succeeded() == o.tasks()).orElse(false);
        for (String table : DATA_TABLES) {
            long read = 0;
            long contributed = 0;
            long rejected = 0;
            for (CompanyFigures c : figures.companies()) {
                read += c.read().getOrDefault(table, 0L);
                contributed += c.contributed().getOrDefault(table, 0L);
                rejected += c.rejectsByTable().getOrDefault(table, 0L);
            }
            long orphaned =
                    orphans.map(o -> o.rejectsByTable().getOrDefault(table, 0L)).orElse(0L);
            Long source = counted ? figures.sourceRows().getOrDefault(table, 0L) : null;
            lines.add(new AccountingLine(table, source, read, orphaned, contributed, rejected));
        }
        return lines;
    }
}
