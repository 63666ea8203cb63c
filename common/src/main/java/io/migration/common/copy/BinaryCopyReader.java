package io.migration.common.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads the rows of a {@code COPY (query) TO STDOUT (FORMAT binary)} one at a time: numbers and
 * timestamps are taken from their binary form (a timestamptz becomes a {@code long} of
 * microseconds, no date object), text is decoded once into a String, and only a buffer of rows is
 * held however many rows the query returns. Values of the current row are read by column index.
 */
public final class BinaryCopyReader implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final int width;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int start;
    private int end;
    private final int[] offsets;
    private final int[] lengths;
    private boolean done;
    private long rows;
    /** Bytes of the current row, from {@code start}. */
    private int rowBytes;

    private BinaryCopyReader(InputStream in, int width) {
        this.in = in;
        this.width = width;
        this.offsets = new int[width];
        this.lengths = new int[width];
    }

    /** Runs {@code copyOutStatement} ({@code COPY (...) TO STDOUT (FORMAT binary)}) returning {@code width} columns. */
    public static BinaryCopyReader open(Connection conn, String copyOutStatement, int width) throws SQLException {
        PGCopyInputStream in = new PGCopyInputStream(conn.unwrap(PGConnection.class), copyOutStatement);
        BinaryCopyReader reader = new BinaryCopyReader(in, width);
        reader.readHeader();
        return reader;
    }

    /** Moves to the next row; false after the last. */
    public boolean next() throws SQLException {
        if (done) {
            return false;
        }
        start += rowBytes;
        rowBytes = 0;
        fill(2);
        int fields = readShort(start);
        if (fields == -1) {
            start += 2;
            done = true;
            drain();
            return false;
        }
        if (fields != width) {
            throw new SQLException("COPY returned " + fields + " columns where " + width + " were expected", "XX000");
        }
        // Offsets are relative to the row's start: fill() may move the row to the buffer's front.
        int at = 2;
        for (int i = 0; i < width; i++) {
            fill(at + 4);
            int length = readInt(start + at);
            at += 4;
            offsets[i] = at;
            lengths[i] = length;
            if (length > 0) {
                fill(at + length);
                at += length;
            }
        }
        rowBytes = at;
        rows++;
        return true;
    }

    public long rows() {
        return rows;
    }

    public boolean isNull(int column) {
        return lengths[column] < 0;
    }

    public long int8(int column) {
        check(column, 8);
        return readLong(start + offsets[column]);
    }

    /** The value, or {@code null} for SQL NULL. */
    public Long int8OrNull(int column) {
        return isNull(column) ? null : int8(column);
    }

    public int int4(int column) {
        check(column, 4);
        return readInt(start + offsets[column]);
    }

    /** Microseconds since 1970-01-01 UTC ({@link PgTime}). */
    public long timestamptz(int column) {
        check(column, 8);
        return PgTime.fromPostgres(readLong(start + offsets[column]));
    }

    public String text(int column) {
        int length = lengths[column];
        if (length < 0) {
            return null;
        }
        return new String(buffer, start + offsets[column], length, StandardCharsets.UTF_8);
    }

    /** The value's bytes as sent (UTF-8 for text), or null: for values that pass through unchanged. */
    public byte[] bytes(int column) {
        int length = lengths[column];
        if (length < 0) {
            return null;
        }
        return Arrays.copyOfRange(buffer, start + offsets[column], start + offsets[column] + length);
    }

    @Override
    public void close() throws SQLException {
        try {
            in.close();
        } catch (IOException e) {
            throw asSql(e);
        }
    }

    private void check(int column, int bytes) {
        if (lengths[column] != bytes) {
            throw new IllegalStateException("column " + column + " holds " + lengths[column] + " bytes, not " + bytes
                    + (lengths[column] < 0 ? " (NULL)" : ""));
        }
    }

    private void readHeader() throws SQLException {
        fill(SIGNATURE.length + 8);
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (buffer[start + i] != SIGNATURE[i]) {
                throw new SQLException("not a binary COPY stream", "XX000");
            }
        }
        int extension = readInt(start + SIGNATURE.length + 4);
        int headerBytes = SIGNATURE.length + 8 + extension;
        fill(headerBytes);
        start += headerBytes;
    }

    /**
     * Makes sure {@code bytes} bytes from {@code start} (the current row) are in the buffer, moving
     * the row to the front and growing the buffer for a row larger than itself.
     */
    private void fill(int bytes) throws SQLException {
        while (end - start < bytes) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(bytes, buffer.length * 2));
            }
            int n;
            try {
                n = in.read(buffer, end, buffer.length - end);
            } catch (IOException e) {
                throw asSql(e);
            }
            if (n < 0) {
                throw new SQLException("the COPY stream ended in the middle of a row", "08006");
            }
            end += n;
        }
    }

    private void drain() throws SQLException {
        try {
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // The stream ends after the trailer; reading to its end completes the COPY.
            }
        } catch (IOException e) {
            throw asSql(e);
        }
    }

    /** PgJDBC reports server errors during COPY as IOException wrapping the PSQLException. */
    private static SQLException asSql(IOException e) {
        if (e.getCause() instanceof SQLException sql) {
            return sql;
        }
        return new SQLException("COPY failed: " + e.getMessage(), "08006", e);
    }

    private int readShort(int at) {
        return (short) (((buffer[at] & 0xff) << 8) | (buffer[at + 1] & 0xff));
    }

    private int readInt(int at) {
        return ((buffer[at] & 0xff) << 24)
                | ((buffer[at + 1] & 0xff) << 16)
                | ((buffer[at + 2] & 0xff) << 8)
                | (buffer[at + 3] & 0xff);
    }

    private long readLong(int at) {
        return ((long) readInt(at) << 32) | (readInt(at + 4) & 0xffffffffL);
    }
}
