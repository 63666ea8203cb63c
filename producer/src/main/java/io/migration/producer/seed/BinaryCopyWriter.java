package io.migration.producer.seed;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows in PostgreSQL's binary COPY format into a {@link CopyIn}, buffered: no text
 * escaping and no timestamp parsing on the server, which keeps the load CPU-cheap on both sides.
 */
final class BinaryCopyWriter {

    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, // signature
        0, 0, 0, 0, // flags
        0, 0, 0, 0, // header extension length
    };
    /** Microseconds between 1970-01-01 and PostgreSQL's epoch 2000-01-01 (UTC). */
    private static final long PG_EPOCH_OFFSET_MICROS = 946_684_800L * 1_000_000L;

    private final CopyIn copy;
    private final byte[] buffer = new byte[1 << 18];
    private int position;
    private long rows;

    BinaryCopyWriter(CopyIn copy) throws SQLException {
        this.copy = copy;
        put(HEADER, 0, HEADER.length);
    }

    void row(int fields) throws SQLException {
        ensure(2);
        putShort(fields);
        rows++;
    }

    void int8(long value) throws SQLException {
        ensure(12);
        putInt(8);
        putLong(value);
    }

    void nullableInt8(Long value) throws SQLException {
        if (value == null) {
            nul();
        } else {
            int8(value);
        }
    }

    /** A timestamptz given as microseconds since 1970-01-01 UTC. */
    void timestamp(long epochMicros) throws SQLException {
        int8(epochMicros - PG_EPOCH_OFFSET_MICROS);
    }

    void nul() throws SQLException {
        ensure(4);
        putInt(-1);
    }

    void text(String value) throws SQLException {
        if (value == null) {
            nul();
            return;
        }
        int length = value.length();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            ensure(4 + length);
            putInt(length);
            for (int i = 0; i < length; i++) {
                buffer[position++] = (byte) value.charAt(i);
            }
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ensure(4);
            putInt(bytes.length);
            put(bytes, 0, bytes.length);
        }
    }

    /** Ends the COPY; returns the number of rows written. */
    long finish() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
        copy.endCopy();
        return rows;
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

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
