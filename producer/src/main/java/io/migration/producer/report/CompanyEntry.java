package io.migration.producer.report;

import io.migration.producer.runs.CompanyFigures;
import io.migration.producer.runs.TableCheck;
import java.util.List;

/**
 * One company's line in a report: its status (a migrate run's succeeded / failed / in progress, a
 * dry run's PASS / FAIL, a verify run's VERIFIED / NOT VERIFIED), the reasons behind it, its figures,
 * and for a verify run its checks per target table. {@code estimatedSeconds} is a dry run's estimate
 * of the real run (null for other runs), {@code passing} whether it belongs in {@code --passing}.
 */
public record CompanyEntry(
        long companyId,
        String status,
        boolean passing,
        List<String> reasons,
        Double estimatedSeconds,
        CompanyFigures figures,
        List<TableCheck> checks) {

    public CompanyEntry {
        reasons = List.copyOf(reasons);
        checks = List.copyOf(checks);
    }
}
