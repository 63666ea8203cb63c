package io.migration.common.transform;

import java.time.Instant;

/** A legacy {@code list_recipients} row: one person on one list, as stored (untrimmed). */
public record SourceListRecipient(
        long id,
        long companyId,
        long listId,
        String email,
        String firstName,
        String lastName,
        String phone,
        String status,
        String source,
        Instant createdAt,
        Instant updatedAt) {}
