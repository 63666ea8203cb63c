package io.migration.common.copy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a {@code COPY ... FROM STDIN (FORMAT binary)}: values are encoded straight
 * into a fixed buffer that is sent whenever it fills, so a COPY of any size holds one buffer in
 * memory and no value is formatted as text for the server to parse again. Every value is checked
 * against the {@link CopyTable}'s column types, so the table description and the code writing the
 * rows cannot disagree silently.
 */
public final class BinaryCopyWriter implements AutoCloseable {

    private static final byte[] HEADER = {
        'P',
        'G',
        'C',
        'O',
        'P',
        'Y',
        '\n',
        (byte) 0xFF,
        '\r',
        '\n',
        0, // signature
        0,
        0,
        0,
        0, // flags
        0,
        0,
        0,
        0, // header extension length
    };
    private static final int BUFFER_BYTES = 1 << 16;

    private final CopyTable table;
    private final CopyIn copy;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int field;
    private long rows;
    private boolean finished;

    private BinaryCopyWriter(CopyTable table, CopyIn copy) {
        this.table = table;
        this.copy = copy;
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        position = HEADER.length;
        field = table.width();
    }

    /** Starts {@code table}'s COPY on {@code conn}; the caller writes rows, then {@link #finish()}es. */
    public static BinaryCopyWriter open(Connection conn, CopyTable table) throws SQLException {
        CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI().copyIn(table.copyInStatement());
        return new BinaryCopyWriter(table, copy);
    }

    public CopyTable table() {
        return table;
    }

    /** Starts a row; every column must then get exactly one value, in order. */
    public BinaryCopyWriter row() throws SQLException {
        if (field != table.width()) {
            throw new IllegalStateException(
                    table.name() + ": row " + rows + " has " + field + " of " + table.width() + " values");
        }
        ensure(2);
        putShort(table.width());
        field = 0;
        rows++;
        return this;
    }

    public BinaryCopyWriter nul() throws SQLException {
        next(null);
        ensure(4);
        putInt(-1);
        return this;
    }

    public BinaryCopyWriter uuid(long mostSignificant, long leastSignificant) throws SQLException {
        next(ColumnType.UUID);
        ensure(20);
        putInt(16);
        putLong(mostSignificant);
        putLong(leastSignificant);
        return this;
    }

    public BinaryCopyWriter uuid(UUID value) throws SQLException {
        return value == null ? nul() : uuid(value.getMostSignificantBits(), value.getLeastSignificantBits());
    }

    public BinaryCopyWriter int8(long value) throws SQLException {
        next(ColumnType.INT8);
        ensure(12);
        putInt(8);
        putLong(value);
        return this;
    }

    public BinaryCopyWriter int8(Long value) throws SQLException {
        return value == null ? nul() : int8(value.longValue());
    }

    public BinaryCopyWriter int4(int value) throws SQLException {
        next(ColumnType.INT4);
        ensure(8);
        putInt(4);
        putInt(value);
        return this;
    }

    /** A timestamptz given in microseconds since 1970-01-01 UTC ({@link PgTime}). */
    public BinaryCopyWriter timestamptz(long epochMicros) throws SQLException {
        next(ColumnType.TIMESTAMPTZ);
        ensure(12);
        putInt(8);
        putLong(PgTime.toPostgres(epochMicros));
        return this;
    }

    public BinaryCopyWriter text(String value) throws SQLException {
        if (value == null) {
            return nul();
        }
        next(ColumnType.TEXT);
        int worst = value.length() * 3;
        if (worst + 4 > buffer.length) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            ensure(4);
            putInt(utf8.length);
            put(utf8, 0, utf8.length);
            return this;
        }
        // Encoded in place, its length written once known: nothing allocated per value.
        ensure(worst + 4);
        int lengthAt = position;
        int end = Utf8.encode(value, buffer, lengthAt + 4);
        putIntAt(lengthAt, end - lengthAt - 4);
        position = end;
        return this;
    }

    /** A text value given as its UTF-8 bytes (e.g. as the source sent them). */
    public BinaryCopyWriter text(byte[] utf8) throws SQLException {
        if (utf8 == null) {
            return nul();
        }
        next(ColumnType.TEXT);
        ensure(4);
        putInt(utf8.length);
        put(utf8, 0, utf8.length);
        return this;
    }

    /** A jsonb value given as JSON text. */
    public BinaryCopyWriter jsonb(String jsonText) throws SQLException {
        if (jsonText == null) {
            return nul();
        }
        byte[] utf8 = jsonText.getBytes(StandardCharsets.UTF_8);
        next(ColumnType.JSONB);
        ensure(5);
        putInt(utf8.length + 1);
        buffer[position++] = 1;
        put(utf8, 0, utf8.length);
        return this;
    }

    /** A jsonb object of up to two string members, slices of {@code values} ({@link JsonbObject}). */
    public BinaryCopyWriter jsonbObject(
            byte[] key1, byte[] key2, byte[] values, int offset1, int length1, int offset2, int length2)
            throws SQLException {
        next(ColumnType.JSONB);
        int worst = JsonbObject.worstBytes(key1, key2, length1, length2);
        if (worst > buffer.length) {
            throw new IllegalArgumentException(
                    table.name() + ": a JSON value of up to " + worst + " bytes is larger than the COPY buffer");
        }
        ensure(worst);
        int lengthAt = position;
        int end = JsonbObject.encode(buffer, lengthAt + 4, key1, key2, values, offset1, length1, offset2, length2);
        putIntAt(lengthAt, end - lengthAt - 4);
        position = end;
        return this;
    }

    public long rows() {
        return rows;
    }

    /** Ends the COPY; returns the number of rows the server took. */
    public long finish() throws SQLException {
        if (field != table.width()) {
            throw new IllegalStateException(
                    table.name() + ": the last row has " + field + " of " + table.width() + " values");
        }
        ensure(2);
        putShort(-1);
        flush();
        finished = true;
        return copy.endCopy();
    }

    /** Abandons an unfinished COPY (the caller's transaction then rolls back). */
    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void next(ColumnType type) {
        if (field >= table.width()) {
            throw new IllegalStateException(
                    table.name() + ": more values than its " + table.width() + " columns, or no row() started");
        }
        if (type != null && table.type(field) != type) {
            throw new IllegalStateException(table.name() + "."
                    + table.columns().get(field).name() + " is " + table.type(field) + ", not " + type);
        }
        field++;
    }

    private void ensure(int bytes) throws SQLException {
        if (position + bytes > buffer.length) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (position > 0) {
            copy.writeToCopy(buffer, 0, position);
            position = 0;
        }
    }

    private void put(byte[] bytes, int offset, int length) throws SQLException {
        while (length > 0) {
            if (position == buffer.length) {
                flush();
            }
            int n = Math.min(length, buffer.length - position);
            System.arraycopy(bytes, offset, buffer, position, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    private void putShort(int v) {
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    private void putInt(int v) {
        buffer[position++] = (byte) (v >>> 24);
        buffer[position++] = (byte) (v >>> 16);
        buffer[position++] = (byte) (v >>> 8);
        buffer[position++] = (byte) v;
    }

    private void putIntAt(int at, int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
