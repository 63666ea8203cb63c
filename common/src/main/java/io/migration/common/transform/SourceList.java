package io.migration.common.transform;

import java.time.Instant;

/** A legacy {@code lists} row; {@code deletedAt} is null for a live list. */
public record SourceList(long id, long companyId, String name, Instant createdAt, Instant deletedAt) {}
