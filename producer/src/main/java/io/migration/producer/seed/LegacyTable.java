package io.migration.producer.seed;

import io.migration.common.copy.BinaryCopyWriter;
import io.migration.common.copy.ColumnType;
import io.migration.common.copy.CopyTable;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One legacy table as the seed makes it: which rows it has ({@link Rows}), what each row decides
 * before its values ({@code facts}: its parent, its person, its times), and its columns in COPY
 * order with how each value is made. {@link #write} is the one loop every table goes through.
 */
record LegacyTable(
        String name, ToDoubleFunction<SeedPlan> cost, Rows rows, Consumer<LegacyRow> facts, List<Column> columns) {

    /** A value of the row, or null for NULL. */
    interface Int8 {
        Long of(LegacyRow row);
    }

    interface Text {
        String of(LegacyRow row);
    }

    /** A column, its COPY type and how its value is made from the row. */
    record Column(String name, ColumnType type, Function<LegacyRow, Object> value) {}

    static Column int8(String name, Int8 value) {
        return new Column(name, ColumnType.INT8, value::of);
    }

    static Column text(String name, Text value) {
        return new Column(name, ColumnType.TEXT, value::of);
    }

    /** A timestamptz in microseconds since 1970 (null for NULL). */
    static Column timestamptz(String name, Int8 micros) {
        return new Column(name, ColumnType.TIMESTAMPTZ, micros::of);
    }

    static Consumer<LegacyRow> noFacts() {
        return row -> {};
    }

    /** The COPY this table is loaded with, its columns in the order {@link #write} gives values. */
    CopyTable copyTable() {
        return CopyTable.of(
                name,
                columns.stream().map(c -> CopyTable.column(c.name(), c.type())).toArray(CopyTable.Column[]::new));
    }

    /** Writes every row of the table for the plan and returns how many. */
    long write(SeedPlan plan, BinaryCopyWriter out) throws SQLException {
        LegacyRow row = new LegacyRow(plan);
        rows.each(row, () -> {
            facts.accept(row);
            out.row();
            for (Column column : columns) {
                Object value = column.value().apply(row);
                switch (column.type()) {
                    case INT8 -> out.int8((Long) value);
                    case TEXT -> out.text((String) value);
                    case TIMESTAMPTZ -> {
                        if (value == null) {
                            out.nul();
                        } else {
                            out.timestamptz((Long) value);
                        }
                    }
                    default -> throw new IllegalStateException("the seed writes no " + column.type());
                }
            }
        });
        return out.finish();
    }
}
