package io.migration.common.transform;

/**
 * PostgreSQL orders uuids by their bytes, unsigned, most significant first; {@link java.util.UUID#compareTo}
 * compares signed longs and so interleaves four runs. Writing rows in the server's order lets
 * each shard fill consecutive pages of a uuid-leading index instead of jumping around it.
 */
final class UuidOrder {

    private UuidOrder() {
    }

    static int compare(long hiA, long loA, long hiB, long loB) {
        int byHi = Long.compareUnsigned(hiA, hiB);
        return byHi != 0 ? byHi : Long.compareUnsigned(loA, loB);
    }
}
