package io.migration.producer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.migration.common.message.RunMode;
import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.Csv;
import io.migration.producer.runs.OutputFormat;
import io.migration.producer.runs.TableCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link ReportModel}: an aligned table for people; CSV with one row per count
 * ({@code company_id,status,seconds,estimated_seconds,measure,table,reason,rows}: a {@code tasks} row
 * for every company, then its counts; the reason column carries the text of a FAIL's or a
 * difference's reason when {@code measure} is {@code fail_reason}); or JSON.
 */
public final class ReportWriter {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    public static void write(ReportModel model, OutputFormat format, PrintWriter out) {
        switch (format) {
            case TABLE -> table(model, out);
            case CSV -> csv(model, out);
            case JSON -> json(model, out);
        }
    }

    private static String writtenMeasure(ReportModel model) {
        return model.run().mode() == RunMode.DRY_RUN ? "would_write" : "written";
    }

    private static void table(ReportModel model, PrintWriter out) {
        boolean dryRun = model.run().mode() == RunMode.DRY_RUN;
        out.printf(
                Locale.ROOT,
                "run %s: %s over %s, created %s%n",
                model.run().runId(),
                model.run().mode().wireName(),
                model.run().selection(),
                model.run().createdAt());
        if (model.note() != null) {
            out.println(model.note());
        }
        out.printf(
                Locale.ROOT,
                "%-10s %-13s %9s %9s %12s %12s %10s %8s%n",
                "company",
                "status",
                "seconds",
                dryRun ? "est.real" : "",
                "read",
                dryRun ? "would-write" : "written",
                "rejected",
                "reject%");
        for (CompanyEntry c : model.companies()) {
            CompanyFigures f = c.figures();
            out.printf(
                    Locale.ROOT,
                    "%-10d %-13s %9.1f %9s %12d %12d %10d %8.2f%n",
                    c.companyId(),
                    c.status(),
                    f.wallSeconds(),
                    c.estimatedSeconds() == null ? "" : String.format(Locale.ROOT, "%.1f", c.estimatedSeconds()),
                    f.rowsRead(),
                    f.totalWritten(),
                    f.totalRejected(),
                    percent(f));
            c.reasons().forEach(r -> out.printf(Locale.ROOT, "    %-11s %s%n", c.passing() ? "note" : "why", r));
            counts(f, writtenMeasure(model), out);
            // A differing table is among the reasons already.
            c.checks().stream()
                    .filter(TableCheck::matches)
                    .forEach(t -> out.printf(Locale.ROOT, "    %-11s %s%n", "matches", t.describe()));
        }
        model.orphans().ifPresent(o -> {
            out.println("rows of no company (R10 orphan_recipient), by legacy table:");
            o.rejectsByTable().forEach((t, n) -> out.printf(Locale.ROOT, "    %-24s %12d%n", t, n));
            if (o.rejectsByTable().isEmpty()) {
                out.println(o.succeeded() == o.tasks() && o.tasks() > 0 ? "    none" : "    not counted yet");
            }
        });
        if (!model.accounting().isEmpty()) {
            out.println("R12 over the whole source: source = read + orphaned, read = contributed + rejected");
            out.printf(
                    Locale.ROOT,
                    "    %-24s %12s %12s %10s %12s %10s  %s%n",
                    "table",
                    "source",
                    "read",
                    "orphaned",
                    "contributed",
                    "rejected",
                    "check");
            for (AccountingLine a : model.accounting()) {
                out.printf(
                        Locale.ROOT,
                        "    %-24s %12s %12d %10d %12d %10d  %s%n",
                        a.table(),
                        a.sourceRows() == null ? "?" : a.sourceRows().toString(),
                        a.read(),
                        a.orphaned(),
                        a.contributed(),
                        a.rejected(),
                        a.check());
            }
        }
        out.print(model.summary());
        Double estimate = model.estimatedSeconds();
        out.println(
                dryRun && estimate != null
                        ? String.format(
                                Locale.ROOT,
                                "; a real run needs about %.1f s of"
                                        + " worker time (the dry run's task durations added up)",
                                estimate)
                        : "");
    }

    private static void counts(CompanyFigures f, String written, PrintWriter out) {
        f.read().forEach((t, n) -> out.printf(Locale.ROOT, "    %-11s %-24s %12d%n", "read", t, n));
        f.written().forEach((t, n) -> out.printf(Locale.ROOT, "    %-11s %-24s %12d%n", written, t, n));
        f.rejected()
                .forEach((t, reasons) -> reasons.forEach(
                        (r, n) -> out.printf(Locale.ROOT, "    %-11s %-24s %-18s %8d%n", "rejected", t, r, n)));
    }

    private static void csv(ReportModel model, PrintWriter out) {
        out.println("company_id,status,seconds,estimated_seconds,measure,table,reason,rows");
        String written = writtenMeasure(model);
        for (CompanyEntry c : model.companies()) {
            CompanyFigures f = c.figures();
            List<Object> head = List.of(
                    c.companyId(),
                    c.status(),
                    String.format(Locale.ROOT, "%.3f", f.wallSeconds()),
                    c.estimatedSeconds() == null ? "" : String.format(Locale.ROOT, "%.3f", c.estimatedSeconds()));
            row(out, head, "tasks", "", "", f.tasks());
            c.reasons().forEach(r -> row(out, head, "fail_reason", "", r, ""));
            f.read().forEach((t, n) -> row(out, head, "read", t, "", n));
            f.written().forEach((t, n) -> row(out, head, written, t, "", n));
            f.contributed().forEach((t, n) -> row(out, head, "contributed", t, "", n));
            f.rejected().forEach((t, reasons) -> reasons.forEach((r, n) -> row(out, head, "rejected", t, r, n)));
            for (TableCheck t : c.checks()) {
                row(out, head, "expected_rows", t.table(), "", t.expectedRows());
                row(out, head, "actual_rows", t.table(), "", t.actualRows());
                row(out, head, "missing", t.table(), "", t.missing());
                row(out, head, "unexpected", t.table(), "", t.unexpected());
                row(out, head, "changed", t.table(), "", t.changed());
                row(out, head, "checksum_mismatches", t.table(), "", t.checksumMismatches());
            }
        }
        List<Object> orphans = List.of("", "orphans", "", "");
        model.orphans()
                .ifPresent(o -> o.rejected()
                        .forEach((t, reasons) -> reasons.forEach((r, n) -> row(out, orphans, "orphaned", t, r, n))));
        List<Object> accounting = List.of("", "accounting", "", "");
        for (AccountingLine a : model.accounting()) {
            row(out, accounting, "source_rows", a.table(), a.check(), a.sourceRows() == null ? "" : a.sourceRows());
        }
    }

    private static void row(
            PrintWriter out, List<Object> head, String measure, String table, String reason, Object rows) {
        List<Object> fields = new ArrayList<>(head);
        fields.add(measure);
        fields.add(table);
        fields.add(reason);
        fields.add(rows);
        out.println(Csv.line(fields.toArray()));
    }

    private static void json(ReportModel model, PrintWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run_id", model.run().runId());
        root.put("mode", model.run().mode().wireName());
        root.put("selection", model.run().selection());
        root.put("created_at", model.run().createdAt().toString());
        root.put("note", model.note());
        root.put("summary", model.summary());
        root.put("estimated_seconds", model.estimatedSeconds());
        root.put(
                "companies",
                model.companies().stream().map(ReportWriter::company).toList());
        model.orphans().ifPresent(o -> root.put("orphaned", o.rejectsByTable()));
        if (!model.accounting().isEmpty()) {
            root.put(
                    "accounting",
                    model.accounting().stream()
                            .map(a -> {
                                Map<String, Object> line = new LinkedHashMap<>();
                                line.put("table", a.table());
                                line.put("source_rows", a.sourceRows());
                                line.put("read", a.read());
                                line.put("orphaned", a.orphaned());
                                line.put("contributed", a.contributed());
                                line.put("rejected", a.rejected());
                                line.put("closes", a.closes());
                                line.put("check", a.check());
                                return line;
                            })
                            .toList());
        }
        print(root, out);
    }

    private static Map<String, Object> company(CompanyEntry c) {
        CompanyFigures f = c.figures();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("company_id", c.companyId());
        row.put("status", c.status());
        row.put("passing", c.passing());
        row.put("reasons", c.reasons());
        row.put("seconds", f.wallSeconds());
        row.put("estimated_seconds", c.estimatedSeconds());
        row.put("tasks", f.tasks());
        row.put("succeeded", f.succeeded());
        row.put("failed", f.failed());
        row.put("rows_read", f.rowsRead());
        row.put("reject_percent", percent(f));
        row.put("read", f.read());
        row.put("written", f.written());
        row.put("contributed", f.contributed());
        row.put("rejected", f.rejected());
        if (!c.checks().isEmpty()) {
            row.put("checks", c.checks().stream().map(ReportWriter::check).toList());
        }
        return row;
    }

    private static Map<String, Object> check(TableCheck t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("table", t.table());
        row.put("matches", t.matches());
        row.put("shards", t.shards());
        row.put("expected_rows", t.expectedRows());
        row.put("actual_rows", t.actualRows());
        row.put("checksum_mismatches", t.checksumMismatches());
        row.put("missing", t.missing());
        row.put("unexpected", t.unexpected());
        row.put("changed", t.changed());
        row.put(
                "sample",
                t.sample().stream()
                        .map(k -> Map.of("kind", k.kind(), "key", k.key()))
                        .toList());
        return row;
    }

    static double percent(CompanyFigures f) {
        long rejected = f.totalRejected();
        return f.rowsRead() == 0 ? (rejected == 0 ? 0 : 100) : 100.0 * rejected / f.rowsRead();
    }

    static void print(Object value, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
