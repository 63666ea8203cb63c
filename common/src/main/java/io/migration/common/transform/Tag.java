package io.migration.common.transform;

import java.util.UUID;

/** A target {@code recipient_tags} row (R8): one per recipient and normalized tag. */
public record Tag(UUID recipientId, long companyId, String tag) {}
