package io.migration.producer.cutover;

/** The final verification of one target table of a company: counts and differing keys by kind. */
public record TableVerification(
        String table,
        long expectedRows,
        long actualRows,
        long missing,
        long unexpected,
        long changed,
        boolean checksumsAgree,
        String samplesJson) {

    public boolean agrees() {
        return expectedRows == actualRows && missing == 0 && unexpected == 0 && changed == 0 && checksumsAgree;
    }

    /** One line: e.g. {@code recipients: 1 missing, 2 changed (expected 10, actual 9)}. */
    public String describe() {
        StringBuilder s = new StringBuilder(table).append(": ");
        if (missing > 0) {
            s.append(missing).append(" missing, ");
        }
        if (unexpected > 0) {
            s.append(unexpected).append(" unexpected, ");
        }
        if (changed > 0) {
            s.append(changed).append(" changed, ");
        }
        return s.append("expected ")
                .append(expectedRows)
                .append(" rows, actual ")
                .append(actualRows)
                .toString();
    }
}
