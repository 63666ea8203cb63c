package io.migration.worker.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.common.message.TaskGroup;
import io.migration.common.shard.Buckets;
import io.migration.worker.write.ShardLocks.Block;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The dyadic decomposition of bucket ranges and the lock keys built on it. */
class ShardLocksTest {

    @Test
    void everyBucketIsTheRootOrOneBlockOfTheTree() {
        assertThat(ShardLocks.decompose(0, Buckets.COUNT - 1)).containsExactly(new Block(0, 12));
        assertThat(new Block(0, 12).node()).isEqualTo(1);
        assertThat(new Block(0, 0).node()).isEqualTo(4096);
        assertThat(new Block(4095, 0).node()).isEqualTo(8191);
        assertThat(new Block(2048, 11).node()).isEqualTo(3);
        assertThat(ShardLocks.decompose(1, 6))
                .containsExactly(new Block(1, 0), new Block(2, 1), new Block(4, 1), new Block(6, 0));
    }

    @Test
    void aDecompositionCoversItsRangeExactlyWithAtMostTwentyFourAlignedBlocks() {
        Random random = new Random(3);
        for (int n = 0; n < 20_000; n++) {
            int lo = random.nextInt(Buckets.COUNT);
            int hi = lo + random.nextInt(Buckets.COUNT - lo);
            List<Block> blocks = ShardLocks.decompose(lo, hi);
            assertThat(blocks.size()).isLessThanOrEqualTo(24);
            int next = lo;
            for (Block b : blocks) {
                assertThat(b.first()).isEqualTo(next);
                assertThat(b.first() % (1 << b.level())).as("aligned").isZero();
                next = b.last() + 1;
            }
            assertThat(next - 1).isEqualTo(hi);
        }
    }

    @Test
    void overlappingRangesAlwaysConflictAndDisjointOnesNever() {
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            int[] r1 = range(random);
            int[] r2 = range(random);
            boolean overlap = r1[0] <= r2[1] && r2[0] <= r1[1];
            TreeMap<Long, Boolean> k1 = ShardLocks.keys(42, TaskGroup.RECIPIENTS, r1[0], r1[1]);
            TreeMap<Long, Boolean> k2 = ShardLocks.keys(42, TaskGroup.RECIPIENTS, r2[0], r2[1]);
            assertThat(conflict(k1, k2))
                    .as("%s..%s against %s..%s", r1[0], r1[1], r2[0], r2[1])
                    .isEqualTo(overlap);
        }
    }

    @Test
    void keysOfOtherCompaniesAndGroupsNeverMeet() {
        TreeMap<Long, Boolean> recipients = ShardLocks.keys(7, TaskGroup.RECIPIENTS, 0, Buckets.COUNT - 1);
        assertThat(conflict(recipients, ShardLocks.keys(7, TaskGroup.SUPPRESSIONS, 0, Buckets.COUNT - 1)))
                .isFalse();
        assertThat(conflict(recipients, ShardLocks.keys(8, TaskGroup.RECIPIENTS, 0, Buckets.COUNT - 1)))
                .isFalse();
        assertThat(conflict(recipients, ShardLocks.keys(6, TaskGroup.SUPPRESSIONS, 0, Buckets.COUNT - 1)))
                .isFalse();
        assertThat(ShardLocks.key(7, TaskGroup.RECIPIENTS, 1)).isEqualTo((7L * 3 + 1) * 8192 + 1);
    }

    @Test
    void aSmallRangeTakesFewKeysAndAWholeGroupOne() {
        assertThat(ShardLocks.keys(1, TaskGroup.LISTS, 0, Buckets.COUNT - 1))
                .hasSize(1)
                .containsValue(true);
        // One bucket: itself exclusive, its twelve ancestors shared.
        TreeMap<Long, Boolean> one = ShardLocks.keys(1, TaskGroup.RECIPIENTS, 77, 77);
        assertThat(one).hasSize(13);
        assertThat(one.values().stream().filter(x -> x)).hasSize(1);
        assertThat(one.firstEntry().getValue())
                .as("the root comes first, shared")
                .isFalse();
    }

    @Test
    void aCompanyTaskHasNoLockSpaceOfItsOwn() {
        assertThatThrownBy(() -> ShardLocks.keys(1, TaskGroup.COMPANY, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShardLocks.decompose(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShardLocks.decompose(0, Buckets.COUNT)).isInstanceOf(IllegalArgumentException.class);
    }

    /** PostgreSQL's rule: the same key held by both, and at least one of them exclusive. */
    private static boolean conflict(Map<Long, Boolean> a, Map<Long, Boolean> b) {
        return a.entrySet().stream().anyMatch(e -> b.containsKey(e.getKey()) && (e.getValue() || b.get(e.getKey())));
    }

    private static int[] range(Random random) {
        int lo = random.nextInt(Buckets.COUNT);
        int width = random.nextBoolean() ? random.nextInt(64) : random.nextInt(Buckets.COUNT - lo);
        return new int[] {lo, Math.min(Buckets.COUNT - 1, lo + width)};
    }
}
