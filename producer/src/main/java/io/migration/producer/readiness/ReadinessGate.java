package io.migration.producer.readiness;

import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.RunInfo;
import io.migration.producer.runs.RunLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The schema-drift guard of a migrate run. A company may be migrated only when its latest passing
 * dry run (judged by the policy that dry run recorded) exists, is at most {@code maxAge} old, and
 * saw the source and target schemas the databases have now (same fingerprints).
 */
public final class ReadinessGate {

    private static final SortedMap<Long, CompanyFigures> EMPTY = new TreeMap<>();

    private final RunLedger ledger;
    private final Duration maxAge;

    public ReadinessGate(RunLedger ledger, Duration maxAge) {
        this.ledger = ledger;
        this.maxAge = maxAge;
    }

    /** The companies that are not ready, in the order given, each with every reason on one line. */
    public List<Refusal> refusals(
            Collection<Long> companyIds, SchemaSnapshot source, SchemaSnapshot target, Instant now) {
        List<RunInfo> dryRuns = ledger.dryRunsOf(companyIds);
        Map<String, SortedMap<Long, CompanyFigures>> figures = ledger.figures(dryRuns, companyIds);
        Map<String, String> schemaChanges = new HashMap<>();
        List<Refusal> out = new ArrayList<>();
        for (long company : companyIds) {
            RunInfo latest = null;
            Verdict latestVerdict = null;
            RunInfo passing = null;
            for (RunInfo run : dryRuns) {
                CompanyFigures f = figures.getOrDefault(run.runId(), EMPTY).get(company);
                if (f == null || f.tasks() == 0) {
                    continue;
                }
                Verdict verdict = ReadinessPolicy.fromJson(run.policyJson()).judge(DryRunFigures.of(f));
                if (latest == null) {
                    latest = run;
                    latestVerdict = verdict;
                }
                if (verdict.passed()) {
                    passing = run;
                    break;
                }
            }
            if (passing == null) {
                out.add(new Refusal(
                        company,
                        latest == null
                                ? "no dry run"
                                : "no passing dry run (latest: " + latest.runId() + " FAIL: "
                                        + String.join("; ", latestVerdict.reasons()) + ")"));
                continue;
            }
            List<String> reasons = new ArrayList<>();
            Duration age = Duration.between(passing.createdAt(), now);
            if (age.compareTo(maxAge) > 0) {
                reasons.add(String.format(
                        Locale.ROOT,
                        "passing dry run %s is %.1f days old (max %d)",
                        passing.runId(),
                        age.toMinutes() / 1440.0,
                        maxAge.toDays()));
            }
            RunInfo dryRun = passing;
            String changes = schemaChanges.computeIfAbsent(dryRun.runId(), id -> schemaChanges(dryRun, source, target));
            if (!changes.isEmpty()) {
                reasons.add(changes);
            }
            if (!reasons.isEmpty()) {
                out.add(new Refusal(company, String.join("; ", reasons)));
            }
        }
        return out;
    }

    /** Per company, its latest dry run that PASSes by that run's own policy (absent: none). */
    public Map<Long, RunInfo> latestPassing(Collection<Long> companyIds) {
        List<RunInfo> dryRuns = ledger.dryRunsOf(companyIds);
        Map<String, SortedMap<Long, CompanyFigures>> figures = ledger.figures(dryRuns, companyIds);
        Map<Long, RunInfo> out = new HashMap<>();
        for (long company : companyIds) {
            for (RunInfo run : dryRuns) {
                CompanyFigures f = figures.getOrDefault(run.runId(), EMPTY).get(company);
                if (f != null
                        && f.tasks() > 0
                        && ReadinessPolicy.fromJson(run.policyJson())
                                .judge(DryRunFigures.of(f))
                                .passed()) {
                    out.put(company, run);
                    break;
                }
            }
        }
        return out;
    }

    /** What changed in either schema since the dry run, or empty. */
    static String schemaChanges(RunInfo dryRun, SchemaSnapshot source, SchemaSnapshot target) {
        List<String> parts = new ArrayList<>();
        changes("source", dryRun, dryRun.sourceFingerprint(), dryRun.sourceSchemaJson(), source, parts);
        changes("target", dryRun, dryRun.targetFingerprint(), dryRun.targetSchemaJson(), target, parts);
        return String.join("; ", parts);
    }

    private static void changes(
            String side, RunInfo dryRun, String fingerprint, String json, SchemaSnapshot now, List<String> out) {
        if (now.fingerprint().equals(fingerprint)) {
            return;
        }
        String prefix = side + " schema changed since dry run " + dryRun.runId() + ": ";
        if (json == null) {
            out.add(side + " schema unknown: dry run " + dryRun.runId() + " recorded no schema fingerprint");
            return;
        }
        List<String> lines = SchemaDiff.lines(SchemaSnapshot.parse(json), now.description());
        out.add(prefix
                + (lines.isEmpty()
                        ? "fingerprint " + fingerprint + " → " + now.fingerprint()
                        : String.join("; ", lines)));
    }
}
