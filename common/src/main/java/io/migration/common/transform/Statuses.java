package io.migration.common.transform;

/** Rule R4: the four statuses a membership may have. */
public final class Statuses {

    private static final String[] VALID = {"subscribed", "unsubscribed", "bounced", "pending"};

    private Statuses() {}

    /**
     * lower(trim(status)) when it is one of the four valid statuses, else null (invalid). Returns
     * the shared constant, so that thousands of memberships hold four strings between them.
     */
    public static String normalize(String status) {
        if (status == null) {
            return null;
        }
        int start = 0;
        int end = status.length();
        while (start < end && Text.isSpace(status.charAt(start))) {
            start++;
        }
        while (end > start && Text.isSpace(status.charAt(end - 1))) {
            end--;
        }
        for (String valid : VALID) {
            if (matchesLowered(status, start, end, valid)) {
                return valid;
            }
        }
        return null;
    }

    private static boolean matchesLowered(String s, int start, int end, String lowerCase) {
        if (end - start != lowerCase.length()) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (Text.lowerAscii(s.charAt(i)) != lowerCase.charAt(i - start)) {
                return false;
            }
        }
        return true;
    }
}
