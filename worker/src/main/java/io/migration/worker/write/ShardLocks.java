package io.migration.worker.write;

import io.migration.common.db.SqlFiles;
import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Transaction-scoped advisory locks that make any two overlapping bucket ranges of one company and
 * group exclude each other, however each was cut, with a few dozen locks at most.
 *
 * <p>The buckets 0..4095 are the leaves of a binary tree of aligned power-of-two blocks (heap
 * numbering: the root, all buckets, is 1; block {@code i} has children {@code 2i} and {@code 2i+1};
 * bucket {@code b} is {@code 4096 + b}). A range is the union of at most 24 such blocks (its dyadic
 * decomposition); a writer takes each of them exclusively and each of their ancestors shared. Two
 * overlapping ranges share a bucket; the blocks holding it in each decomposition are nested, so
 * either they are the same block (both exclusive) or one is an ancestor of the other (exclusive
 * against shared): they conflict. Disjoint ranges only ever share ancestors, in shared mode. All
 * of a transaction's keys are taken in one statement in ascending order, so writers cannot deadlock
 * on them.
 */
public final class ShardLocks {

    /** The groups that own rows; a company task locks all three. */
    private static final TaskGroup[] DATA_GROUPS = {TaskGroup.LISTS, TaskGroup.RECIPIENTS, TaskGroup.SUPPRESSIONS};

    private static final int LEVELS = Integer.numberOfTrailingZeros(Buckets.COUNT);
    private static final int NODES = 2 * Buckets.COUNT;

    private ShardLocks() {}

    /** An aligned block of {@code 1 << level} buckets starting at {@code first}. */
    public record Block(int first, int level) {

        /** The block's number in the heap numbering (root 1, buckets 4096..8191). */
        public int node() {
            return (1 << (LEVELS - level)) + (first >> level);
        }

        public int last() {
            return first + (1 << level) - 1;
        }
    }

    /** The fewest aligned blocks that exactly cover {@code [lo, hi]}, in order. */
    public static List<Block> decompose(int lo, int hi) {
        if (lo < 0 || hi >= Buckets.COUNT || lo > hi) {
            throw new IllegalArgumentException("not a bucket range: " + lo + ".." + hi);
        }
        List<Block> blocks = new ArrayList<>();
        int next = lo;
        while (next <= hi) {
            int level = next == 0 ? LEVELS : Integer.numberOfTrailingZeros(next);
            while (next + (1 << level) - 1 > hi) {
                level--;
            }
            blocks.add(new Block(next, level));
            next += 1 << level;
        }
        return blocks;
    }

    /**
     * The advisory-lock keys of a range, ascending, each mapped to true (exclusive) or false
     * (shared): ((company * 3 + group) * 8192 + node).
     */
    public static TreeMap<Long, Boolean> keys(long companyId, TaskGroup group, int lo, int hi) {
        TreeMap<Long, Boolean> keys = new TreeMap<>();
        for (Block block : decompose(lo, hi)) {
            int node = block.node();
            keys.put(key(companyId, group, node), true);
            for (int ancestor = node >> 1; ancestor >= 1; ancestor >>= 1) {
                keys.putIfAbsent(key(companyId, group, ancestor), false);
            }
        }
        return keys;
    }

    static long key(long companyId, TaskGroup group, int node) {
        return (companyId * DATA_GROUPS.length + dataGroup(group)) * NODES + node;
    }

    private static int dataGroup(TaskGroup group) {
        for (int i = 0; i < DATA_GROUPS.length; i++) {
            if (DATA_GROUPS[i] == group) {
                return i;
            }
        }
        throw new IllegalArgumentException(group + " owns no rows of its own: lock its groups");
    }

    /** Takes the locks of every (group, range) given, in one statement, ascending; blocks until granted. */
    public static void lock(Connection conn, long companyId, List<GroupRange> ranges) throws SQLException {
        TreeMap<Long, Boolean> all = new TreeMap<>();
        for (GroupRange r : ranges) {
            keys(companyId, r.group(), r.lo(), r.hi())
                    .forEach((k, exclusive) -> all.merge(k, exclusive, Boolean::logicalOr));
        }
        try (PreparedStatement st = conn.prepareStatement(SqlFiles.get("write/lock-ranges"))) {
            st.setArray(1, conn.createArrayOf("bigint", all.keySet().toArray()));
            st.setArray(2, conn.createArrayOf("boolean", all.values().toArray()));
            st.execute();
        }
    }

    /** A bucket range of one data group. */
    public record GroupRange(TaskGroup group, int lo, int hi) {}
}
