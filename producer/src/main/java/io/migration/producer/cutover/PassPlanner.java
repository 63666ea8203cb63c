package io.migration.producer.cutover;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.checksum.BucketSum;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import io.migration.producer.enqueue.CompanySize;
import io.migration.producer.enqueue.RunPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The tasks of a company's pass: the first copy and the verification cut as {@code enqueue} cuts a
 * company; a catch-up pass one task per range of changed buckets. Planned from shard 0, then numbered
 * from the shards the ledger hands out ({@link #from}). Pure: the same inputs give the same tasks.
 */
final class PassPlanner {

    /** Ranges per group a catch-up pass re-copies at most. */
    static final int MAX_RANGES = 8;

    private PassPlanner() {}

    /** A company cut by {@code shardRows}, as enqueue would, numbered from 0. */
    static List<PlannedTask> whole(String runId, CompanySize size, int shardRows) {
        List<PlannedTask> cut = new RunPlanner(shardRows).plan(runId, List.of(size));
        List<PlannedTask> out = new ArrayList<>();
        for (int i = 0; i < cut.size(); i++) {
            PlannedTask t = cut.get(i);
            out.add(numbered(t.runId(), t.companyId(), t.group(), i, t.bucketLo(), t.bucketHi(), t.estimatedRows()));
        }
        return out;
    }

    /** The changed buckets of each group, re-copied by range, numbered from 0; rows estimated from the newer sums. */
    static List<PlannedTask> delta(
            String runId, long companyId, Map<TaskGroup, SortedSet<Integer>> changed, BucketChecksums now) {
        List<PlannedTask> out = new ArrayList<>();
        for (TaskGroup group : List.of(TaskGroup.LISTS, TaskGroup.RECIPIENTS, TaskGroup.SUPPRESSIONS)) {
            SortedSet<Integer> buckets = changed.get(group);
            if (buckets == null || buckets.isEmpty()) {
                continue;
            }
            if (group == TaskGroup.LISTS) {
                out.add(numbered(runId, companyId, group, out.size(), 0, Buckets.COUNT - 1, now.rows(group)));
                continue;
            }
            for (int[] r : DeltaRanges.of(buckets, MAX_RANGES)) {
                long rows = now.of(group).entrySet().stream()
                        .filter(e -> e.getKey() >= r[0] && e.getKey() <= r[1])
                        .mapToLong(e -> e.getValue().rows())
                        .sum();
                out.add(numbered(runId, companyId, group, out.size(), r[0], r[1], rows));
            }
        }
        return out;
    }

    /** {@code tasks} planned from shard 0, numbered from {@code first} (the ledger hands the numbers out). */
    static List<PlannedTask> from(List<PlannedTask> tasks, int first) {
        return tasks.stream()
                .map(t -> numbered(
                        t.runId(),
                        t.companyId(),
                        t.group(),
                        first + t.shard(),
                        t.bucketLo(),
                        t.bucketHi(),
                        t.estimatedRows()))
                .toList();
    }

    /** Source rows in the changed buckets, before or now, whichever is more: what the pass must re-copy. */
    static long changedRows(Map<TaskGroup, SortedSet<Integer>> changed, BucketChecksums before, BucketChecksums now) {
        long rows = 0;
        for (Map.Entry<TaskGroup, SortedSet<Integer>> e : changed.entrySet()) {
            Map<Integer, BucketSum> was = before.of(e.getKey());
            Map<Integer, BucketSum> is = now.of(e.getKey());
            for (int b : e.getValue()) {
                rows += Math.max(rows(was.get(b)), rows(is.get(b)));
            }
        }
        return rows;
    }

    private static long rows(BucketSum sum) {
        return sum == null ? 0 : sum.rows();
    }

    /** A cutover task: its shard count is one more than its number, as the message format wants. */
    private static PlannedTask numbered(
            String runId, long companyId, TaskGroup group, int shard, int lo, int hi, long rows) {
        return new PlannedTask(runId, companyId, group, shard, shard + 1, lo, hi, rows);
    }
}
