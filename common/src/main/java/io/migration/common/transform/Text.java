package io.migration.common.transform;

/**
 * The spec's words "trim", "lower" and "blank". They are deliberately narrower than
 * {@link String#strip()} and {@link String#toLowerCase()}: the target must be byte-identical
 * to what any other correct implementation (e.g. SQL) produces, whatever the JVM's locale.
 * Each returns its argument itself when there is nothing to change, so the common case of
 * already clean data allocates nothing.
 */
public final class Text {

    private Text() {}

    /** Only space, \t, \n, \v (U+000B), \f and \r count; NBSP and other Unicode spaces stay. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Removes the six ASCII white-space characters from both ends; null stays null. */
    public static String trim(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Maps ASCII A–Z to a–z and nothing else (É stays É); null stays null. */
    public static String lower(String s) {
        if (s == null) {
            return null;
        }
        int first = 0;
        int length = s.length();
        while (first < length && !isUpperAscii(s.charAt(first))) {
            first++;
        }
        if (first == length) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = first; i < chars.length; i++) {
            char c = chars[i];
            if (isUpperAscii(c)) {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** ASCII-lowers one character (the only case mapping the spec knows). */
    static char lowerAscii(char c) {
        return isUpperAscii(c) ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** NULL, or empty after {@link #trim}. */
    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed value, or null when blank. */
    public static String trimToNull(String s) {
        return isBlank(s) ? null : trim(s);
    }
}
