package io.migration.common.copy;

/**
 * Encodes Java strings into UTF-8 bytes in place (no intermediate byte array), optionally with the
 * JSON string escapes Jackson writes: {@code \" \\ \b \t \n \f \r}, other characters below U+0020
 * as a backslash-u escape of four hex digits; everything else, non-ASCII included, as is.
 */
final class Utf8 {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private Utf8() {
    }

    /** The most bytes {@link #encode} may write for {@code value}. */
    static int maxBytes(String value, boolean jsonEscaped) {
        return value.length() * (jsonEscaped ? 6 : 3);
    }

    /** Writes {@code value} at {@code at}; the caller made room for {@link #maxBytes}. Returns the end. */
    static int encode(String value, boolean jsonEscaped, byte[] out, int at) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (jsonEscaped && (c < 0x20 || c == '"' || c == '\\')) {
                    at = escape(c, out, at);
                } else {
                    out[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
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
