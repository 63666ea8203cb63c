package io.migration.producer.watch;

import io.migration.common.db.SqlFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Per company: rows read, written and rejected by table and reason, and how long it took. */
public final class RunReport {

    /** One company's part of a run. {@code rejected} maps legacy table to reason to rows. */
    public record CompanyReport(
            long companyId,
            long tasks,
            long succeeded,
            long failed,
            double seconds,
            Map<String, Long> read,
            Map<String, Long> written,
            Map<String, Map<String, Long>> rejected) {

        public String status() {
            return failed > 0 ? "failed" : succeeded == tasks ? "succeeded" : "in progress";
        }

        public long totalRead() {
            return read.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalWritten() {
            return written.values().stream().mapToLong(Long::longValue).sum();
        }

        public long totalRejected() {
            return rejected.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
        }
    }

    private RunReport() {
    }

    public static List<CompanyReport> load(Jdbi target, String runId) {
        return target.withHandle(h -> {
            Map<Long, CompanyReport> companies = new LinkedHashMap<>();
            h.createQuery(SqlFiles.get("watch/report-companies")).bind("runId", runId)
                    .map((rs, ctx) -> new CompanyReport(rs.getLong("company_id"), rs.getLong("tasks"),
                            rs.getLong("succeeded"), rs.getLong("failed"), rs.getDouble("seconds"),
                            new TreeMap<>(), new TreeMap<>(), new TreeMap<>()))
                    .forEach(c -> companies.put(c.companyId(), c));
            h.createQuery(SqlFiles.get("watch/report-counts")).bind("runId", runId)
                    .map((rs, ctx) -> {
                        CompanyReport c = companies.get(rs.getLong("company_id"));
                        if (c == null) {
                            return null;
                        }
                        String table = rs.getString("table_name");
                        long rows = rs.getLong("rows");
                        switch (rs.getString("measure")) {
                            case "read" -> c.read().merge(table, rows, Long::sum);
                            case "written" -> c.written().merge(table, rows, Long::sum);
                            default -> c.rejected().computeIfAbsent(table, k -> new TreeMap<>())
                                    .merge(rs.getString("reason"), rows, Long::sum);
                        }
                        return c;
                    })
                    .list();
            return new ArrayList<>(companies.values());
        });
    }
}
