package io.migration.producer.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.migration.producer.runs.OutputFormat;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Prints company states as an aligned table, CSV ({@code company_id,state,run_id,mode,since,detail}) or JSON. */
public final class CompaniesWriter {

    private CompaniesWriter() {}

    public static void write(List<CompanyStatus> companies, OutputFormat format, PrintWriter out) {
        switch (format) {
            case TABLE -> {
                out.printf(
                        Locale.ROOT,
                        "%-10s %-16s %-28s %-8s %-20s %s%n",
                        "company",
                        "state",
                        "run",
                        "mode",
                        "since",
                        "detail");
                companies.forEach(c -> out.println(String.format(
                                Locale.ROOT,
                                "%-10d %-16s %-28s %-8s %-20s %s",
                                c.companyId(),
                                c.state().wireName(),
                                text(c.runId()),
                                text(c.mode()),
                                text(c.since()),
                                c.detail())
                        .stripTrailing()));
            }
            case CSV -> {
                out.println("company_id,state,run_id,mode,since,detail");
                companies.forEach(c -> out.println(String.join(
                        ",",
                        Long.toString(c.companyId()),
                        c.state().wireName(),
                        text(c.runId()),
                        text(c.mode()),
                        text(seconds(c.since())),
                        csv(c.detail()))));
            }
            case JSON -> {
                List<Map<String, Object>> rows = companies.stream()
                        .map(c -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("company_id", c.companyId());
                            row.put("state", c.state().wireName());
                            row.put("run_id", c.runId());
                            row.put("mode", c.mode());
                            row.put(
                                    "since",
                                    c.since() == null
                                            ? null
                                            : seconds(c.since()).toString());
                            row.put("detail", c.detail());
                            return row;
                        })
                        .toList();
                try {
                    out.println(new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(rows));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Instant seconds(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
