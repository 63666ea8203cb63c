package io.migration.common.transform;

/** Names of the legacy tables, as recorded in {@code migration_rejects.source_table}. */
public final class SourceTables {

    public static final String LISTS = "lists";
    public static final String LIST_RECIPIENTS = "list_recipients";
    public static final String FIELDS = "list_recipient_fields";
    public static final String TAGS = "recipient_tags";
    public static final String SUPPRESSIONS = "suppressions";

    private SourceTables() {}
}
