package io.migration.producer.readiness;

import io.migration.common.db.SqlFiles;
import io.migration.common.schema.LegacyDdl;
import io.migration.producer.readiness.SchemaDescription.Column;
import io.migration.producer.readiness.SchemaDescription.Table;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Describes the source's ten legacy tables and the target's tables from PostgreSQL's catalog. */
public final class SchemaReader {

    private SchemaReader() {}

    /**
     * The ten legacy tables, found through the connection's search path as the workers find them;
     * a missing one is absent from the description. Source triggers are left out: reads never fire them.
     */
    public static SchemaSnapshot source(Jdbi source) {
        return SchemaSnapshot.of(source.withHandle(h -> describe(h, LegacyDdl.TABLES, false)));
    }

    /**
     * Every table of the target's {@code public} schema (the contract's tables, ours such as
     * {@code migration_rejects}, and any other: a foreign key from a new table can stop a shard's
     * delete), with triggers, but not Flyway's history nor the {@code migration} control tables,
     * whose upgrades do not change what a company's rows become.
     */
    public static SchemaSnapshot target(Jdbi target) {
        return SchemaSnapshot.of(target.withHandle(h -> describe(
                h,
                h.createQuery(SqlFiles.get("readiness/schema-target-tables"))
                        .mapTo(String.class)
                        .list(),
                true)));
    }

    private static SchemaDescription describe(Handle h, List<String> tables, boolean withTriggers) {
        String[] names = tables.toArray(new String[0]);
        SortedMap<String, SortedMap<String, Column>> columns = new TreeMap<>();
        h.createQuery(SqlFiles.get("readiness/schema-columns"))
                .bind("tables", names)
                .map((rs, ctx) -> columns.computeIfAbsent(rs.getString("table_name"), k -> new TreeMap<>())
                        .put(
                                rs.getString("column_name"),
                                new Column(rs.getString("data_type"), rs.getBoolean("nullable"))))
                .list();
        Map<String, SortedMap<String, String>> constraints = named(h, "readiness/schema-constraints", names);
        Map<String, SortedMap<String, String>> triggers =
                withTriggers ? named(h, "readiness/schema-triggers", names) : Map.of();
        SortedMap<String, Table> out = new TreeMap<>();
        columns.forEach((table, cols) -> out.put(
                table,
                new Table(
                        cols,
                        constraints.getOrDefault(table, new TreeMap<>()),
                        triggers.getOrDefault(table, new TreeMap<>()))));
        return new SchemaDescription(out);
    }

    private static Map<String, SortedMap<String, String>> named(Handle h, String sql, String[] tables) {
        Map<String, SortedMap<String, String>> out = new TreeMap<>();
        h.createQuery(SqlFiles.get(sql))
                .bind("tables", tables)
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString("table_name"), k -> new TreeMap<>())
                        .put(rs.getString("name"), rs.getString("definition")))
                .list();
        return out;
    }
}
