package io.migration.producer.report;

import java.time.Instant;

/**
 * A company's state, the run that set it (null when never tried) and since when: a finished
 * run's last task end, a started one's first task start, else the run's creation.
 */
public record CompanyStatus(
        long companyId, CompanyState state, String runId, String mode, Instant since, String detail) {}
