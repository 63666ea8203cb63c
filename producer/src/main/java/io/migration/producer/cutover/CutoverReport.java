package io.migration.producer.cutover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migration.common.ledger.CutoverState;
import io.migration.producer.runs.Csv;
import io.migration.producer.runs.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code report} of a cutover run: per company its outcome, catch-up passes, rows re-copied, the final
 * delta, the freeze window (freeze hook's start to switch hook's start), the verification and the
 * reason it was not switched.
 */
public final class CutoverReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CutoverReport() {}

    public static void write(
            List<CompanyCutoverRecord> companies,
            String runId,
            OutputFormat format,
            boolean switchedOnly,
            PrintWriter out) {
        if (switchedOnly) {
            companies.stream().filter(c -> c.state() == CutoverState.SWITCHED).forEach(c -> out.println(c.companyId()));
            return;
        }
        switch (format) {
            case JSON -> out.println(json(companies, runId));
            case CSV -> {
                out.println("company_id,outcome,passes,rows_recopied,final_delta_rows,freeze_window_seconds,"
                        + "verification,reason");
                companies.forEach(c -> out.println(Csv.line(
                        c.companyId(),
                        c.state().wireName(),
                        c.passes(),
                        c.rowsRecopied(),
                        c.finalDeltaRows(),
                        seconds(c),
                        verification(c),
                        c.reason())));
            }
            default -> {
                out.printf("cutover run %s%n", runId);
                out.printf(
                        "%-10s %-12s %6s %12s %11s %13s  %-14s %s%n",
                        "company",
                        "outcome",
                        "passes",
                        "rows_recopied",
                        "final_delta",
                        "freeze_window",
                        "verification",
                        "reason");
                for (CompanyCutoverRecord c : companies) {
                    out.printf(
                            "%-10d %-12s %6d %12d %11s %13s  %-14s %s%n",
                            c.companyId(),
                            c.state().wireName(),
                            c.passes(),
                            c.rowsRecopied(),
                            c.finalDeltaRows() == null ? "-" : c.finalDeltaRows(),
                            c.freezeWindowMillis() == null ? "-" : seconds(c) + " s",
                            verification(c),
                            c.reason() == null ? "" : c.reason());
                }
            }
        }
    }

    /** VERIFIED, NOT VERIFIED, or - when the company never got that far. */
    static String verification(CompanyCutoverRecord c) {
        if (c.verificationJson() == null) {
            return "-";
        }
        try {
            return JSON.readTree(c.verificationJson()).path("verified").asBoolean() ? "VERIFIED" : "NOT VERIFIED";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(CompanyCutoverRecord c) {
        return c.freezeWindowMillis() == null
                ? ""
                : String.format(Locale.ROOT, "%.3f", c.freezeWindowMillis() / 1000.0);
    }

    private static String json(List<CompanyCutoverRecord> companies, String runId) {
        ObjectNode root = JSON.createObjectNode().put("run_id", runId).put("mode", "cutover");
        ArrayNode list = root.putArray("companies");
        try {
            for (CompanyCutoverRecord c : companies) {
                ObjectNode n = list.addObject()
                        .put("company_id", c.companyId())
                        .put("outcome", c.state().wireName())
                        .put("passes", c.passes())
                        .put("rows_recopied", c.rowsRecopied());
                n.put("final_delta_rows", c.finalDeltaRows());
                n.put("freeze_window_seconds", c.freezeWindowMillis() == null ? null : c.freezeWindowMillis() / 1000.0);
                n.put(
                        "freeze_started_at",
                        c.freezeStartedAt() == null ? null : c.freezeStartedAt().toString());
                n.put(
                        "switched_at",
                        c.switchedAt() == null ? null : c.switchedAt().toString());
                n.set("verification", c.verificationJson() == null ? null : JSON.readTree(c.verificationJson()));
                n.put("reason", c.reason());
                n.set("rollback", c.rollbackReportJson() == null ? null : JSON.readTree(c.rollbackReportJson()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root.toString();
    }
}
