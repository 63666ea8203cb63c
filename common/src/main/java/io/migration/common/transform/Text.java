package io.migration.common.transform;

/**
 * The spec's words "trim", "lower" and "blank". They are deliberately narrower than
 * {@link String#strip()} and {@link String#toLowerCase()}: the target must be byte-identical
 * to what any other correct implementation (e.g. SQL) produces, whatever the JVM's locale.
 */
public final class Text {

    private Text() {
    }

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
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    /** NULL, or empty after {@link #trim}. */
    public static boolean isBlank(String s) {
        return s == null || trim(s).isEmpty();
    }

    /** The trimmed value, or null when blank. */
    public static String trimToNull(String s) {
        return isBlank(s) ? null : trim(s);
    }
}
