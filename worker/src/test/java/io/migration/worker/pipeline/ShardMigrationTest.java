package io.migration.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.common.message.RunMode;
import io.migration.common.message.TaskGroup;
import io.migration.common.message.TaskMessage;
import io.migration.worker.write.ShardLocks.GroupRange;
import org.junit.jupiter.api.Test;

/** How a task is cut into parts the worker may hold, and which ranges it locks. */
class ShardMigrationTest {

    @Test
    void aShardIsReadInAsManyPartsAsTheWorkerNeedsToHoldNoMoreThanItsSetting() {
        ShardMigration migration = new ShardMigration(null, null, null, null, "w", 250_000);
        assertThat(migration.parts(0)).isEqualTo(1);
        assertThat(migration.parts(250_000)).isEqualTo(1);
        assertThat(migration.parts(250_001)).isEqualTo(2);
        assertThat(migration.parts(1_000_000)).isEqualTo(4);
        assertThat(migration.parts(Long.MAX_VALUE / 2))
                .as("never more parts than buckets")
                .isEqualTo(4096);
        assertThatThrownBy(() -> new ShardMigration(null, null, null, null, "w", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompanyTaskLocksItsThreeGroupsWholeAndAShardItsRange() {
        TaskMessage company = new TaskMessage(1, "r", RunMode.MIGRATE, 5, TaskGroup.COMPANY, 0, 1, 0, 4095);
        assertThat(ShardMigration.ranges(company))
                .containsExactly(
                        new GroupRange(TaskGroup.LISTS, 0, 4095),
                        new GroupRange(TaskGroup.RECIPIENTS, 0, 4095),
                        new GroupRange(TaskGroup.SUPPRESSIONS, 0, 4095));
        TaskMessage shard = new TaskMessage(1, "r", RunMode.MIGRATE, 5, TaskGroup.RECIPIENTS, 1, 3, 1365, 2729);
        assertThat(ShardMigration.ranges(shard)).containsExactly(new GroupRange(TaskGroup.RECIPIENTS, 1365, 2729));
    }
}
