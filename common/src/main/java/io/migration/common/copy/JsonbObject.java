package io.migration.common.copy;

/**
 * A jsonb value holding a JSON object of up to two string members, encoded straight into a COPY
 * buffer: each value a slice of {@code values} (offset and length; a member with a null key or a
 * length of -1 is left out). Keys and values are UTF-8 bytes; values are escaped as Jackson escapes
 * text, and pass through otherwise unchanged (never decoded).
 */
final class JsonbObject {

    private JsonbObject() {}

    /** The most bytes the field can take, its length word included. */
    static int worstBytes(byte[] key1, byte[] key2, int length1, int length2) {
        return 4
                + 1
                + 2
                + (present(key1, length1) ? Utf8.maxJsonBytes(key1.length + length1) + 6 : 0)
                + (present(key2, length2) ? Utf8.maxJsonBytes(key2.length + length2) + 6 : 0);
    }

    /** Writes the jsonb version byte and the object at {@code at}; returns where it ends. */
    static int encode(
            byte[] buffer,
            int at,
            byte[] key1,
            byte[] key2,
            byte[] values,
            int offset1,
            int length1,
            int offset2,
            int length2) {
        boolean first = present(key1, length1);
        buffer[at++] = 1;
        buffer[at++] = '{';
        if (first) {
            at = member(buffer, at, key1, values, offset1, length1);
        }
        if (present(key2, length2)) {
            if (first) {
                buffer[at++] = ',';
            }
            at = member(buffer, at, key2, values, offset2, length2);
        }
        buffer[at++] = '}';
        return at;
    }

    private static boolean present(byte[] key, int length) {
        return key != null && length >= 0;
    }

    private static int member(byte[] buffer, int at, byte[] key, byte[] values, int offset, int length) {
        buffer[at++] = '"';
        at = Utf8.jsonEscaped(key, 0, key.length, buffer, at);
        buffer[at++] = '"';
        buffer[at++] = ':';
        buffer[at++] = '"';
        at = Utf8.jsonEscaped(values, offset, length, buffer, at);
        buffer[at++] = '"';
        return at;
    }
}
