package io.migration.producer.cutover;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.common.checksum.BucketChecksums;
import io.migration.common.checksum.BucketSum;
import io.migration.common.ledger.PlannedTask;
import io.migration.common.message.TaskGroup;
import io.migration.producer.enqueue.CompanySize;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PassPlannerTest {

    @Test
    void aWholeCompanyIsCutAsEnqueueCutsItAndNumberedFromTheGivenShard() {
        List<PlannedTask> small = PassPlanner.from(PassPlanner.whole("r", new CompanySize(7, 3, 100, 5), 250_000), 12);
        assertThat(small).singleElement().satisfies(t -> {
            assertThat(t.group()).isEqualTo(TaskGroup.COMPANY);
            assertThat(t.shard()).isEqualTo(12);
            assertThat(t.shardCount()).isEqualTo(13);
        });
        List<PlannedTask> large = PassPlanner.whole("r", new CompanySize(7, 10, 90_000, 30_000), 40_000);
        assertThat(large).extracting(PlannedTask::shard).containsExactly(0, 1, 2, 3, 4);
        assertThat(large)
                .extracting(PlannedTask::group)
                .containsOnly(TaskGroup.LISTS, TaskGroup.RECIPIENTS, TaskGroup.SUPPRESSIONS);
    }

    @Test
    void aDeltaRecopiesTheChangedRangesWithTheirRows() {
        BucketChecksums now = new BucketChecksums.Builder()
                .put(TaskGroup.RECIPIENTS, 10, new BucketSum(4, "1"))
                .put(TaskGroup.RECIPIENTS, 11, new BucketSum(6, "2"))
                .put(TaskGroup.RECIPIENTS, 900, new BucketSum(3, "3"))
                .put(TaskGroup.LISTS, 0, new BucketSum(2, "4"))
                .build();
        Map<TaskGroup, SortedSet<Integer>> changed = Map.of(
                TaskGroup.RECIPIENTS,
                new TreeSet<>(List.of(10, 11, 900)),
                TaskGroup.LISTS,
                new TreeSet<>(List.of(0)),
                TaskGroup.SUPPRESSIONS,
                new TreeSet<>());
        List<PlannedTask> tasks = PassPlanner.from(PassPlanner.delta("r", 7, changed, now), 40);
        assertThat(tasks)
                .extracting(t -> t.group().wireName() + " " + t.bucketLo() + "-" + t.bucketHi() + " "
                        + t.estimatedRows() + " #" + t.shard())
                .containsExactly("lists 0-4095 2 #40", "recipients 10-11 10 #41", "recipients 900-900 3 #42");
        assertThat(PassPlanner.changedRows(changed, BucketChecksums.empty(), now))
                .isEqualTo(15);
    }
}
