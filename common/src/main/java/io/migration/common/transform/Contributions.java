package io.migration.common.transform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Source rows that contributed to the target, by legacy table (R12): accepted list_recipients rows
 * (merged ones too), fields and tags that passed their checks (also those merged away), events that
 * became activities.
 */
final class Contributions {

    private long rows;
    private long fields;
    private long tags;
    private final long[] events = new long[ActivityKind.values().length];

    void row() {
        rows++;
    }

    void field() {
        fields++;
    }

    void tag() {
        tags++;
    }

    void event(ActivityKind kind) {
        events[kind.ordinal()]++;
    }

    /** The counts by legacy table; tables without any are left out. */
    Map<String, Long> byTable() {
        Map<String, Long> counts = new LinkedHashMap<>();
        put(counts, SourceTables.LIST_RECIPIENTS, rows);
        put(counts, SourceTables.FIELDS, fields);
        put(counts, SourceTables.TAGS, tags);
        for (ActivityKind kind : ActivityKind.values()) {
            put(counts, kind.sourceTable(), events[kind.ordinal()]);
        }
        return counts;
    }

    private static void put(Map<String, Long> counts, String table, long n) {
        if (n > 0) {
            counts.put(table, n);
        }
    }
}
