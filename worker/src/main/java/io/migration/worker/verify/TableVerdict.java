package io.migration.worker.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One target table of one shard: what the source says it must hold against what it holds, and
 * when they differ, how many rows are missing, unexpected or changed, with a few of their keys.
 */
record TableVerdict(
        String table,
        long expectedRows,
        long actualRows,
        String expectedChecksum,
        String actualChecksum,
        long missing,
        long unexpected,
        long changed,
        List<Difference> sample) {

    static final int SAMPLE = 20;

    /** One differing row's key and kind: missing, unexpected or changed. */
    record Difference(String kind, String key) {}

    boolean matches() {
        return expectedRows == actualRows
                && expectedChecksum.equals(actualChecksum)
                && missing == 0
                && unexpected == 0
                && changed == 0;
    }

    static TableVerdict compare(TableImage expected, TableImage actual) {
        long missing = 0;
        long unexpected = 0;
        long changed = 0;
        List<Difference> sample = new ArrayList<>();
        // Sorted keys: the same differences give the same sample.
        for (String key : new TreeSet<>(expected.rows().keySet())) {
            Long there = actual.rows().get(key);
            if (there == null) {
                missing++;
                add(sample, "missing", key);
            } else if (!there.equals(expected.rows().get(key))) {
                changed++;
                add(sample, "changed", key);
            }
        }
        for (String key : new TreeSet<>(actual.rows().keySet())) {
            if (!expected.rows().containsKey(key)) {
                unexpected++;
                add(sample, "unexpected", key);
            }
        }
        return new TableVerdict(
                expected.table(),
                expected.count(),
                actual.count(),
                expected.checksum(),
                actual.checksum(),
                missing,
                unexpected,
                changed,
                List.copyOf(sample));
    }

    private static void add(List<Difference> sample, String kind, String key) {
        if (sample.size() < SAMPLE) {
            sample.add(new Difference(kind, key));
        }
    }

    static boolean allMatch(Map<String, TableVerdict> verdicts) {
        return verdicts.values().stream().allMatch(TableVerdict::matches);
    }
}
