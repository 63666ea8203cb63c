package io.migration.common.transform;

import java.time.Instant;
import java.util.UUID;

/** A target {@code recipients} row (R5): one per company and normalized email. */
public record Recipient(
        UUID id,
        long companyId,
        String email,
        String firstName,
        String lastName,
        String phone,
        Instant createdAt,
        Instant updatedAt) {}
