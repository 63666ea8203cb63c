package io.migration.common.transform;

/** Checks of the transforms' input contracts; a violation is a caller bug, not dirty data. */
final class Guards {

    private Guards() {}

    static void sameCompany(long expected, long actual, String sourceTable, long sourceId) {
        if (expected != actual) {
            throw new IllegalArgumentException(sourceTable + " row " + sourceId + " belongs to company " + actual
                    + ", not to company " + expected);
        }
    }
}
