package io.migration.producer.seed;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monolith's ten tables, from {@code seed/legacy-schema.sql} (a verbatim copy of the spec's
 * legacy-schema.sql). The seed runs its CREATE TABLE statements before loading and its CREATE
 * INDEX statements after, so the database ends with exactly the spec's tables and indexes.
 */
final class LegacySchema {

    static final String RESOURCE = "/seed/legacy-schema.sql";

    /** In the order of the spec file. */
    static final List<String> TABLES = List.of(
            "companies", "lists", "list_recipients", "list_recipient_fields", "recipient_tags",
            "recipient_opens", "recipient_clicks", "recipient_bounces", "recipient_unsubscribes", "suppressions");

    private static final Pattern INDEX_TABLE = Pattern.compile("\\bON\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final List<String> statements = SqlScript.statements(RESOURCE);

    List<String> createTables() {
        return statements.stream().filter(s -> upper(s).startsWith("CREATE TABLE")).toList();
    }

    List<String> createIndexes() {
        return statements.stream().filter(s -> upper(s).startsWith("CREATE INDEX")).toList();
    }

    /** The table a CREATE INDEX statement is on. */
    static String indexedTable(String createIndex) {
        Matcher m = INDEX_TABLE.matcher(createIndex);
        if (!m.find()) {
            throw new IllegalArgumentException("not a CREATE INDEX statement: " + createIndex);
        }
        return m.group(1);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
