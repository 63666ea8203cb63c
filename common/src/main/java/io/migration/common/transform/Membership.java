package io.migration.common.transform;

import java.time.Instant;
import java.util.UUID;

/** A target {@code recipient_lists} row (R6): one per recipient and list. */
public record Membership(
        UUID recipientId,
        long listId,
        long companyId,
        String status,
        String source,
        Instant joinedAt,
        Instant updatedAt) {}
