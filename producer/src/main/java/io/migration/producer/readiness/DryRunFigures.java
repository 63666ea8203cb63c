package io.migration.producer.readiness;

import io.migration.producer.runs.CompanyFigures;
import java.util.SortedMap;
import java.util.TreeMap;

/** What a readiness verdict looks at in one company's dry run. */
public record DryRunFigures(
        int tasks,
        int succeeded,
        int failed,
        long rowsRead,
        SortedMap<String, Long> rejectsByReason,
        String firstError) {

    public DryRunFigures {
        rejectsByReason = new TreeMap<>(rejectsByReason);
    }

    public static DryRunFigures of(CompanyFigures company) {
        return new DryRunFigures(
                company.tasks(),
                company.succeeded(),
                company.failed(),
                company.rowsRead(),
                company.rejectsByReason(),
                company.firstError());
    }

    public long rejected() {
        return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejected rows as a percentage of rows read (100 when rows were rejected but none counted as read). */
    public double rejectPercent() {
        long rejected = rejected();
        if (rowsRead == 0) {
            return rejected == 0 ? 0 : 100;
        }
        return 100.0 * rejected / rowsRead;
    }
}
