package io.migration.common.transform;

import java.time.Instant;

/** A legacy {@code suppressions} row. */
public record SourceSuppression(long id, long companyId, String email, String reason, Instant createdAt) {}
