package io.migration.producer.report;

import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.RunInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code report} prints for a run, whatever the format: the run, a {@code note} (a dry run's
 * policy in words, a migrate run's skipped readiness check), each company, and for a dry run over
 * all companies the rows of no company and the R12 accounting per legacy table.
 */
public record ReportModel(
        RunInfo run,
        String note,
        List<CompanyEntry> companies,
        Optional<CompanyFigures> orphans,
        List<AccountingLine> accounting) {

    public ReportModel {
        companies = List.copyOf(companies);
        accounting = List.copyOf(accounting);
    }

    public List<Long> passingCompanies() {
        return companies.stream()
                .filter(CompanyEntry::passing)
                .map(CompanyEntry::companyId)
                .toList();
    }

    /** e.g. {@code 10 companies: 8 PASS, 2 FAIL}. */
    public String summary() {
        Map<String, Long> byStatus = new TreeMap<>();
        companies.forEach(c -> byStatus.merge(c.status(), 1L, Long::sum));
        StringBuilder s = new StringBuilder().append(companies.size()).append(" companies");
        String sep = ": ";
        for (var e : byStatus.entrySet()) {
            s.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return s.toString();
    }

    /** A dry run's estimate of the real run: its tasks' durations added up (null for other runs). */
    public Double estimatedSeconds() {
        if (companies.stream().anyMatch(c -> c.estimatedSeconds() == null)) {
            return null;
        }
        return companies.stream().mapToDouble(CompanyEntry::estimatedSeconds).sum();
    }
}
