package io.migration.common.transform;

/** A legacy {@code list_recipient_fields} row; {@code value} may be null. */
public record SourceField(long id, long listRecipientId, String name, String value) {}
