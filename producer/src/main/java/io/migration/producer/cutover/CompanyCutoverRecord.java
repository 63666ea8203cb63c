package io.migration.producer.cutover;

import io.migration.common.ledger.CutoverState;
import java.time.Instant;

/** One company's row of a cutover run ({@code migration.cutovers}), as the report and {@code companies} read it. */
public record CompanyCutoverRecord(
        String runId,
        long companyId,
        CutoverState state,
        int passes,
        long rowsRecopied,
        int nextShard,
        String policyJson,
        Instant freezeStartedAt,
        Instant frozenAt,
        Instant unfrozenAt,
        Instant switchStartedAt,
        Instant switchedAt,
        Long freezeWindowMillis,
        Long finalDeltaRows,
        String verificationJson,
        String reason,
        Instant rolledBackAt,
        String rollbackReportJson) {}
