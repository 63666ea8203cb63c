package io.migration.common.checksum;

import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import java.util.List;

/** The buckets {@code [lo, hi]} of one group that a task reads (lists: bucket 0 stands for all of them). */
public record CoveredRange(TaskGroup group, int lo, int hi) {

    public CoveredRange {
        if (group == TaskGroup.COMPANY || group == TaskGroup.ORPHANS) {
            throw new IllegalArgumentException("a covered range is of lists, recipients or suppressions: " + group);
        }
        if (lo < 0 || hi >= Buckets.COUNT || lo > hi) {
            throw new IllegalArgumentException("invalid bucket range " + lo + ".." + hi);
        }
    }

    public boolean holds(int bucket) {
        return bucket >= lo && bucket <= hi;
    }

    /** The ranges a task of {@code group} over {@code [lo, hi]} reads: a company task reads its three groups whole. */
    public static List<CoveredRange> of(TaskGroup group, int lo, int hi) {
        int all = Buckets.COUNT - 1;
        return switch (group) {
            case LISTS -> List.of(new CoveredRange(TaskGroup.LISTS, 0, all));
            case RECIPIENTS, SUPPRESSIONS -> List.of(new CoveredRange(group, lo, hi));
            case COMPANY ->
                List.of(
                        new CoveredRange(TaskGroup.LISTS, 0, all),
                        new CoveredRange(TaskGroup.RECIPIENTS, 0, all),
                        new CoveredRange(TaskGroup.SUPPRESSIONS, 0, all));
            case ORPHANS -> throw new IllegalArgumentException("the rows of no company are not copied");
        };
    }
}
