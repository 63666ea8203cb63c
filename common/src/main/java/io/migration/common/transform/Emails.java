package io.migration.common.transform;

/** Rule R1: how emails are normalized and which normalized emails are valid. */
public final class Emails {

    private Emails() {
    }

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
        int length = normalized.codePointCount(0, normalized.length());
        if (length < 3 || length > 254) {
            return false;
        }
        int at = normalized.indexOf('@');
        if (at < 0 || normalized.indexOf('@', at + 1) >= 0) {
            return false;
        }
        int localLength = normalized.codePointCount(0, at);
        if (localLength < 1 || localLength > 64) {
            return false;
        }
        // Surrogates are above U+0020, so a char-wise scan is exact for this check.
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) <= '\u0020') {
                return false;
            }
        }
        String domain = normalized.substring(at + 1);
        return domain.contains(".")
                && !domain.startsWith(".")
                && !domain.endsWith(".")
                && !domain.contains("..");
    }
}
