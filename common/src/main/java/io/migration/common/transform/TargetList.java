package io.migration.common.transform;

import java.time.Instant;

/** A target {@code lists} row; keeps the source id so list references need no mapping. */
public record TargetList(long id, long companyId, String name, Instant createdAt) {}
