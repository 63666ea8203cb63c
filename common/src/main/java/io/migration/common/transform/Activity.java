package io.migration.common.transform;

import java.time.Instant;
import java.util.UUID;

/**
 * A target {@code recipient_activity} row (R9). {@code detailJson} is a compact JSON object
 * without the keys whose value is NULL, ready to be cast to jsonb.
 */
public record Activity(
        UUID id,
        UUID recipientId,
        long companyId,
        long listId,
        String kind,
        Long campaignId,
        Instant occurredAt,
        String detailJson) {}
