package io.migration.producer.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.migration.producer.watch.RunReport.CompanyReport;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a run report as an aligned table, CSV (one row per count) or JSON. */
public enum ReportFormat {
    TABLE {
        @Override
        public void write(List<CompanyReport> companies, PrintStream out) {
            out.printf(Locale.ROOT, "%-12s %-12s %10s %12s %12s %12s%n", "company", "status", "seconds", "read",
                    "written", "rejected");
            for (CompanyReport c : companies) {
                out.printf(Locale.ROOT, "%-12d %-12s %10.1f %12d %12d %12d%n", c.companyId(), c.status(),
                        c.seconds(), c.totalRead(), c.totalWritten(), c.totalRejected());
                c.read().forEach((t, n) -> out.printf(Locale.ROOT, "    read     %-24s %12d%n", t, n));
                c.written().forEach((t, n) -> out.printf(Locale.ROOT, "    written  %-24s %12d%n", t, n));
                c.rejected().forEach((t, reasons) -> reasons.forEach((r, n) ->
                        out.printf(Locale.ROOT, "    rejected %-24s %-20s %8d%n", t, r, n)));
            }
        }
    },
    CSV {
        @Override
        public void write(List<CompanyReport> companies, PrintStream out) {
            out.println("company_id,status,seconds,measure,table,reason,rows");
            for (CompanyReport c : companies) {
                String head = c.companyId() + "," + c.status() + "," + String.format(Locale.ROOT, "%.3f", c.seconds());
                c.read().forEach((t, n) -> out.println(head + ",read," + t + ",," + n));
                c.written().forEach((t, n) -> out.println(head + ",written," + t + ",," + n));
                c.rejected().forEach((t, reasons) -> reasons.forEach((r, n) ->
                        out.println(head + ",rejected," + t + "," + r + "," + n)));
            }
        }
    },
    JSON {
        @Override
        public void write(List<CompanyReport> companies, PrintStream out) {
            List<Map<String, Object>> rows = companies.stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("company_id", c.companyId());
                row.put("status", c.status());
                row.put("seconds", c.seconds());
                row.put("tasks", c.tasks());
                row.put("read", c.read());
                row.put("written", c.written());
                row.put("rejected", c.rejected());
                return row;
            }).toList();
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    public abstract void write(List<CompanyReport> companies, PrintStream out);
}
