package io.migration.producer.report;

import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.Csv;
import io.migration.producer.runs.OutputFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed per company between a baseline run ({@code --diff OTHER}) and a run ({@code --run-id}):
 * its status (between runs of one mode), and for a company in both runs its counts by measure, table
 * and reason (rows read, written, contributed, rejected) where they differ; a company in one run only
 * gets its status line ({@code absent} on the other side). Company 0 is a dry run's rows of no
 * company. Works for any two runs.
 */
public final class RunDiff {

    /** One differing figure; {@code before} and {@code after} are counts, or statuses for the status line. */
    public record Change(
            long companyId, String measure, String table, String reason, String before, String after, String change) {}

    private RunDiff() {}

    public static List<Change> between(ReportModel baseline, ReportModel run) {
        Map<Long, CompanyEntry> before = entries(baseline);
        Map<Long, CompanyEntry> after = entries(run);
        TreeSet<Long> companies = new TreeSet<>(before.keySet());
        companies.addAll(after.keySet());
        // Statuses are comparable between runs of one mode (PASS against FAIL, not PASS against succeeded).
        boolean sameMode = baseline.run().mode() == run.run().mode();
        List<Change> out = new ArrayList<>();
        for (long company : companies) {
            CompanyEntry a = before.get(company);
            CompanyEntry b = after.get(company);
            String statusA = a == null ? "absent" : a.status();
            String statusB = b == null ? "absent" : b.status();
            if (!statusA.equals(statusB) && (sameMode || a == null || b == null)) {
                out.add(new Change(company, "status", "", "", statusA, statusB, statusA + " → " + statusB));
            }
            if (a == null || b == null) {
                continue;
            }
            Map<List<String>, Long> countsA = counts(a);
            Map<List<String>, Long> countsB = counts(b);
            TreeMap<List<String>, Long> keys = new TreeMap<>(RunDiff::compareKeys);
            keys.putAll(countsA);
            keys.putAll(countsB);
            for (List<String> key : keys.keySet()) {
                long x = countsA.getOrDefault(key, 0L);
                long y = countsB.getOrDefault(key, 0L);
                if (x != y) {
                    out.add(new Change(
                            company,
                            key.get(0),
                            key.get(1),
                            key.get(2),
                            Long.toString(x),
                            Long.toString(y),
                            String.format(Locale.ROOT, "%+d", y - x)));
                }
            }
        }
        return out;
    }

    private static Map<Long, CompanyEntry> entries(ReportModel model) {
        Map<Long, CompanyEntry> out = new LinkedHashMap<>();
        model.companies().forEach(c -> out.put(c.companyId(), c));
        model.orphans()
                .ifPresent(o -> out.put(
                        o.companyId(),
                        new CompanyEntry(o.companyId(), "orphans", false, List.of(), null, o, List.of())));
        return out;
    }

    /** (measure, table, reason) → rows; a dry run's would-be-written rows count as written. */
    private static Map<List<String>, Long> counts(CompanyEntry entry) {
        Map<List<String>, Long> out = new LinkedHashMap<>();
        if (entry == null) {
            return out;
        }
        CompanyFigures f = entry.figures();
        f.read().forEach((t, n) -> out.put(List.of("read", t, ""), n));
        f.written().forEach((t, n) -> out.put(List.of("written", t, ""), n));
        f.contributed().forEach((t, n) -> out.put(List.of("contributed", t, ""), n));
        f.rejected().forEach((t, reasons) -> reasons.forEach((r, n) -> out.put(List.of("rejected", t, r), n)));
        return out;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    public static void write(
            String baselineId, String runId, List<Change> changes, OutputFormat format, PrintWriter out) {
        switch (format) {
            case TABLE -> {
                out.printf(
                        Locale.ROOT,
                        "changes from run %s to run %s (change = %s - %s)%n",
                        baselineId,
                        runId,
                        runId,
                        baselineId);
                if (changes.isEmpty()) {
                    out.println("no difference");
                    return;
                }
                out.printf(
                        Locale.ROOT,
                        "%-10s %-12s %-24s %-18s %13s %13s %10s%n",
                        "company",
                        "measure",
                        "table",
                        "reason",
                        "before",
                        "after",
                        "change");
                for (Change c : changes) {
                    out.printf(
                            Locale.ROOT,
                            "%-10s %-12s %-24s %-18s %13s %13s %10s%n",
                            company(c),
                            c.measure(),
                            c.table(),
                            c.reason(),
                            c.before(),
                            c.after(),
                            c.measure().equals("status") ? "" : c.change());
                }
            }
            case CSV -> {
                out.println("company_id,measure,table,reason,before,after,change");
                changes.forEach(c -> out.println(Csv.line(
                        c.companyId(), c.measure(), c.table(), c.reason(), c.before(), c.after(), c.change())));
            }
            case JSON -> {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("run_id", runId);
                root.put("baseline_run_id", baselineId);
                root.put(
                        "changes",
                        changes.stream()
                                .map(c -> {
                                    Map<String, Object> row = new LinkedHashMap<>();
                                    row.put("company_id", c.companyId());
                                    row.put("measure", c.measure());
                                    row.put("table", Objects.toString(c.table(), ""));
                                    row.put("reason", c.reason());
                                    row.put("before", c.before());
                                    row.put("after", c.after());
                                    row.put("change", c.change());
                                    return row;
                                })
                                .toList());
                ReportWriter.print(root, out);
            }
        }
    }

    private static String company(Change c) {
        return c.companyId() == 0 ? "orphans" : Long.toString(c.companyId());
    }
}
