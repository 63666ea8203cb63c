package io.migration.common.transform;

import java.time.Instant;

/** A target {@code suppressions} row (R11): one per company and normalized email. */
public record Suppression(long companyId, String email, String reason, Instant createdAt) {}
