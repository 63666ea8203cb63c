package io.migration.common.transform;

import java.util.UUID;

/** A target {@code recipient_attributes} row (R7): one per recipient and normalized name. */
public record Attribute(UUID recipientId, long companyId, String name, String value) {}
