package io.migration.common.transform;

import java.time.Instant;

/**
 * A row of one of the four legacy event tables. Only the columns of its {@link #kind()} are
 * meaningful: userAgent (opens), url (clicks), bounceKind and reason (bounces), reason
 * (unsubscribes); the others are ignored.
 */
public record SourceEvent(
        ActivityKind kind,
        long id,
        long listRecipientId,
        Long campaignId,
        Instant occurredAt,
        String userAgent,
        String url,
        String bounceKind,
        String reason) {

    /** The legacy table this row comes from. */
    public String sourceTable() {
        return kind.sourceTable();
    }
}
