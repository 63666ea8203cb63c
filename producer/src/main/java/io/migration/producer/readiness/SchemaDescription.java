package io.migration.producer.readiness;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run depends on in a database's schema: per table, its columns (type with modifier and
 * collation, nullability) and its constraints (primary key, unique, foreign key, check, exclusion,
 * by name with their definition), and for the target its triggers. Column order, defaults, indexes,
 * owners and grants are left out: none of them changes what a run reads or writes (see DESIGN.md).
 */
public record SchemaDescription(SortedMap<String, Table> tables) {

    public SchemaDescription {
        tables = new TreeMap<>(tables);
    }

    /** One table. Keys are column, constraint and trigger names. */
    public record Table(
            SortedMap<String, Column> columns,
            SortedMap<String, String> constraints,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> triggers) {

        public Table {
            columns = new TreeMap<>(columns);
            constraints = new TreeMap<>(constraints);
            triggers = new TreeMap<>(triggers == null ? Map.of() : triggers);
        }
    }

    /** {@code type} as PostgreSQL prints it, e.g. {@code character varying(320)}, with any non-default collation. */
    public record Column(String type, boolean nullable) {

        @Override
        public String toString() {
            return type + ", " + (nullable ? "nullable" : "not null");
        }
    }
}
