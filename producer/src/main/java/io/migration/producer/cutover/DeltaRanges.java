package io.migration.producer.cutover;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Turns changed buckets into at most {@code max} ranges to re-copy: neighbours joined, then the
 * narrowest gaps closed (re-copying an unchanged bucket is harmless, R13; a task per bucket is not).
 */
final class DeltaRanges {

    private DeltaRanges() {}

    static List<int[]> of(SortedSet<Integer> buckets, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one range: " + max);
        }
        List<int[]> ranges = new ArrayList<>();
        for (int b : buckets) {
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1] + 1 == b) {
                last[1] = b;
            } else {
                ranges.add(new int[] {b, b});
            }
        }
        while (ranges.size() > max) {
            int narrowest = 0;
            for (int i = 1; i < ranges.size() - 1; i++) {
                if (gap(ranges, i) < gap(ranges, narrowest)) {
                    narrowest = i;
                }
            }
            ranges.get(narrowest)[1] = ranges.get(narrowest + 1)[1];
            ranges.remove(narrowest + 1);
        }
        return ranges;
    }

    /** Buckets between range {@code i} and the next. */
    private static int gap(List<int[]> ranges, int i) {
        return ranges.get(i + 1)[0] - ranges.get(i)[1];
    }
}
