package io.migration.common.copy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table as COPY sees it: its name and the columns written or read, in order, with their types.
 * It is the one description of a COPY: the statement is derived from it and {@link BinaryCopyWriter}
 * checks every value against it, so the column list and the code writing rows cannot drift apart.
 */
public record CopyTable(String name, List<Column> columns) {

    /** One column; {@code name} is a fixed identifier from this code base, never user data. */
    public record Column(String name, ColumnType type) {}

    public CopyTable {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a COPY needs at least one column");
        }
    }

    public static CopyTable of(String name, Column... columns) {
        return new CopyTable(name, List.of(columns));
    }

    public static Column column(String name, ColumnType type) {
        return new Column(name, type);
    }

    /** The same columns in another table, e.g. a staging copy of this one. */
    public CopyTable renamed(String otherName) {
        return new CopyTable(otherName, columns);
    }

    public int width() {
        return columns.size();
    }

    public ColumnType type(int index) {
        return columns.get(index).type();
    }

    public String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** {@code COPY name (columns) FROM STDIN (FORMAT binary)}. */
    public String copyInStatement() {
        return "COPY " + name + " (" + columnList() + ") FROM STDIN (FORMAT binary)";
    }
}
