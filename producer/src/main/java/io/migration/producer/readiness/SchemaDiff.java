package io.migration.producer.readiness;

import io.migration.producer.readiness.SchemaDescription.Column;
import io.migration.producer.readiness.SchemaDescription.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * What changed between two descriptions of a schema, one line per change, in table order, e.g.
 * {@code list_recipients.email: type text → character varying(320)},
 * {@code list_recipients.nickname: column added (text, nullable)},
 * {@code lists: constraint lists_pkey removed (PRIMARY KEY (id))}.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    public static List<String> lines(SchemaDescription before, SchemaDescription after) {
        List<String> out = new ArrayList<>();
        for (String name : union(before.tables(), after.tables())) {
            Table was = before.tables().get(name);
            Table now = after.tables().get(name);
            if (was == null) {
                out.add("table " + name + " added (" + now.columns().size() + " columns)");
            } else if (now == null) {
                out.add("table " + name + " removed");
            } else {
                columns(name, was.columns(), now.columns(), out);
                named(name, "constraint", was.constraints(), now.constraints(), out);
                named(name, "trigger", was.triggers(), now.triggers(), out);
            }
        }
        return out;
    }

    private static void columns(
            String table, SortedMap<String, Column> was, SortedMap<String, Column> now, List<String> out) {
        for (String name : union(was, now)) {
            Column before = was.get(name);
            Column after = now.get(name);
            String prefix = table + "." + name + ": ";
            if (before == null) {
                out.add(prefix + "column added (" + after + ")");
            } else if (after == null) {
                out.add(prefix + "column removed (was " + before + ")");
            } else {
                if (!before.type().equals(after.type())) {
                    out.add(prefix + "type " + before.type() + " → " + after.type());
                }
                if (before.nullable() != after.nullable()) {
                    out.add(prefix + (before.nullable() ? "nullable → not null" : "not null → nullable"));
                }
            }
        }
    }

    private static void named(
            String table, String kind, SortedMap<String, String> was, SortedMap<String, String> now, List<String> out) {
        for (String name : union(was, now)) {
            String before = was.get(name);
            String after = now.get(name);
            String prefix = table + ": " + kind + " " + name + " ";
            if (before == null) {
                out.add(prefix + "added (" + after + ")");
            } else if (after == null) {
                out.add(prefix + "removed (" + before + ")");
            } else if (!Objects.equals(before, after)) {
                out.add(prefix + "changed: " + before + " → " + after);
            }
        }
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
