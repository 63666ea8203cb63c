package io.migration.common.transform;

/** A legacy {@code recipient_tags} row. */
public record SourceTag(long id, long listRecipientId, String tag) {}
