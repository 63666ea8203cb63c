package io.migration.common.transform;

import java.util.Arrays;

/**
 * The order rows are written in. PostgreSQL orders uuids by their bytes, unsigned, most significant
 * first ({@link java.util.UUID#compareTo} compares signed longs and so interleaves four runs), and
 * text under the C collation by its bytes. Writing a shard's rows in its index's order lets the
 * index fill consecutive pages instead of jumping around. The order only makes writes cheaper,
 * never changes what is written, so it may be approximate: rows are sorted on 40 bits of a key,
 * with a primitive sort and no comparator.
 */
final class UuidOrder {

    private UuidOrder() {}

    static int compare(long hiA, long loA, long hiB, long loB) {
        int byHi = Long.compareUnsigned(hiA, hiB);
        return byHi != 0 ? byHi : Long.compareUnsigned(loA, loB);
    }

    /**
     * Indexes 0..n-1 ordered by the top 40 bits of {@code keys} compared unsigned (ties, very rare
     * for random keys, in index order). Beyond 2^24 rows, which one shard never holds, exact.
     */
    static int[] order(long[] keys, int n) {
        int[] order = new int[n];
        if (n >= 1 << 24) {
            Integer[] boxed = new Integer[n];
            Arrays.setAll(boxed, i -> i);
            Arrays.sort(boxed, (a, b) -> Long.compareUnsigned(keys[a], keys[b]));
            Arrays.setAll(order, i -> boxed[i]);
            return order;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((keys[i] >>> 24) << 24 | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(packed);
        for (int i = 0; i < n; i++) {
            order[i] = (int) (packed[i] & 0xFFFFFF);
        }
        return order;
    }

    /** A key ordering text roughly as its bytes do: its first eight characters, each as one byte. */
    static long textKey(String text) {
        long key = 0;
        int length = Math.min(8, text.length());
        for (int i = 0; i < 8; i++) {
            key = key << 8 | (i < length ? Math.min(text.charAt(i), 0xFF) : 0);
        }
        return key;
    }
}
