package io.migration.producer.seed;

import io.migration.common.schema.LegacyDdl;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monolith's ten tables, from {@link LegacyDdl} (the project's one copy of the spec's
 * legacy-schema.sql). The seed runs its CREATE TABLE statements before loading and its CREATE
 * INDEX statements after, so the database ends with exactly the spec's tables and indexes.
 */
final class LegacySchema {

    /** In the order of the spec file. */
    static final List<String> TABLES = LegacyDdl.TABLES;

    private static final Pattern INDEX_TABLE = Pattern.compile("\\bON\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final List<String> statements = SqlScript.split(LegacyDdl.script());

    List<String> createTables() {
        return statements.stream()
                .filter(s -> upper(s).startsWith("CREATE TABLE"))
                .toList();
    }

    List<String> createIndexes() {
        return statements.stream()
                .filter(s -> upper(s).startsWith("CREATE INDEX"))
                .toList();
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
