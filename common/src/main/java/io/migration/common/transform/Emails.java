package io.migration.common.transform;

/** Rule R1: how emails are normalized and which normalized emails are valid. */
public final class Emails {

    private Emails() {}

    /** lower(trim(e)); null stays null. */
    public static String normalize(String email) {
        return Text.lower(Text.trim(email));
    }

    /**
     * Exactly R1, nothing more (no RFC 5321 syntax): lengths are in code points so that an
     * emoji counts once, as it does for a SQL {@code length()} on the target side.
     */
    public static boolean isValid(String normalized) {
        if (normalized == null) {
            return false;
        }
        int length = normalized.length();
        // A code point takes one or two chars: rule out what is surely too short or too long first.
        if (length < 3 || length > 2 * 254) {
            return false;
        }
        int at = -1;
        for (int i = 0; i < length; i++) {
            char c = normalized.charAt(i);
            // Surrogates are above U+0020, so a char-wise scan is exact for this check.
            if (c <= '\u0020') {
                return false;
            }
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        if (at < 0) {
            return false;
        }
        int codePoints = normalized.codePointCount(0, length);
        if (codePoints < 3 || codePoints > 254) {
            return false;
        }
        int localLength = normalized.codePointCount(0, at);
        if (localLength < 1 || localLength > 64) {
            return false;
        }
        return validDomain(normalized, at + 1, length);
    }

    /** The domain contains a '.', neither starts nor ends with one, and has no "..". */
    private static boolean validDomain(String s, int from, int to) {
        if (from >= to || s.charAt(from) == '.' || s.charAt(to - 1) == '.') {
            return false;
        }
        boolean dot = false;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '.') {
                if (s.charAt(i - 1) == '.') {
                    return false;
                }
                dot = true;
            }
        }
        return dot;
    }
}
