package io.migration.common.copy;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 encoding in place (no intermediate array), and JSON string escaping over UTF-8 bytes as
 * Jackson escapes the decoded text: {@code \" \\ \b \t \n \f \r}, other characters below U+0020 as
 * a backslash-u escape of four hex digits, everything else as is. In UTF-8 every byte of a
 * multi-byte character is 0x80 or above, so escaping bytes is escaping characters, and the
 * source's bytes pass through without being decoded.
 */
final class Utf8 {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private Utf8() {}

    /** Writes {@code value} in UTF-8 at {@code at}; the caller made room for 3 bytes a char. Returns the end. */
    static int encode(String value, byte[] out, int at) {
        int length = value.length();
        int i = 0;
        // ASCII runs first: most text here is ASCII.
        while (i < length) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                break;
            }
            out[at++] = (byte) c;
            i++;
        }
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < length
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | (cp >> 18));
                out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; String.getBytes writes '?' as well.
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return at;
    }

    /** The most bytes {@link #jsonEscaped} may write for {@code length} input bytes. */
    static int maxJsonBytes(int length) {
        return length * 6;
    }

    /** Writes {@code value} JSON-escaped at {@code at} (room made for {@link #maxJsonBytes}); returns the end. */
    static int jsonEscaped(byte[] value, int offset, int length, byte[] out, int at) {
        int end = offset + length;
        int clean = offset;
        while (clean < end && !needsEscape(value[clean])) {
            clean++;
        }
        // Most values need no escape at all: one array copy.
        System.arraycopy(value, offset, out, at, clean - offset);
        at += clean - offset;
        for (int i = clean; i < end; i++) {
            byte b = value[i];
            if (needsEscape(b)) {
                at = escape((char) b, out, at);
            } else {
                out[at++] = b;
            }
        }
        return at;
    }

    private static boolean needsEscape(byte b) {
        return (b >= 0 && b < 0x20) || b == '"' || b == '\\';
    }

    private static int escape(char c, byte[] out, int at) {
        out[at++] = '\\';
        switch (c) {
            case '"' -> out[at++] = '"';
            case '\\' -> out[at++] = '\\';
            case '\b' -> out[at++] = 'b';
            case '\t' -> out[at++] = 't';
            case '\n' -> out[at++] = 'n';
            case '\f' -> out[at++] = 'f';
            case '\r' -> out[at++] = 'r';
            default -> {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xF];
            }
        }
        return at;
    }
}
