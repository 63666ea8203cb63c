package io.migration.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.common.message.InvalidMessageException.Reason;
import io.migration.common.shard.Buckets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaskMessageCodecTest {

    private static final int LAST = Buckets.COUNT - 1;

    @Test
    void anOrphansTaskOfADryRunWithCompanyZeroRoundTrips() throws Exception {
        TaskMessage orphans = new TaskMessage(1, "dry-1", RunMode.DRY_RUN, 0, TaskGroup.ORPHANS, 0, 1, 0, LAST);
        assertThat(TaskMessageCodec.decode(TaskMessageCodec.encode(orphans))).isEqualTo(orphans);
        assertThat(new String(TaskMessageCodec.encode(orphans), StandardCharsets.UTF_8))
                .contains("\"table\":\"orphans\"");
    }

    @Test
    void companyZeroIsRefusedForEveryOtherGroup() {
        for (TaskGroup group : new TaskGroup[] {TaskGroup.LISTS, TaskGroup.RECIPIENTS, TaskGroup.SUPPRESSIONS}) {
            assertRefused(
                    new TaskMessage(1, "dry-1", RunMode.DRY_RUN, 0, group, 0, 1, 0, LAST), Reason.UNKNOWN_COMPANY);
        }
    }

    @Test
    void anOrphansTaskMustBeCompanyZeroOneWholeShardAndADryRun() {
        assertRefused(
                new TaskMessage(1, "r", RunMode.DRY_RUN, 7, TaskGroup.ORPHANS, 0, 1, 0, LAST), Reason.UNKNOWN_COMPANY);
        assertRefused(
                new TaskMessage(1, "r", RunMode.MIGRATE, 0, TaskGroup.ORPHANS, 0, 1, 0, LAST), Reason.UNKNOWN_TABLE);
        assertRefused(
                new TaskMessage(1, "r", RunMode.DRY_RUN, 0, TaskGroup.ORPHANS, 0, 2, 0, 2047), Reason.INVALID_SHARD);
    }

    @Test
    void ordinaryTasksStillDecode() throws Exception {
        TaskMessage task = new TaskMessage(1, "run", RunMode.VERIFY, 42, TaskGroup.RECIPIENTS, 3, 8, 1536, 2047);
        assertThat(TaskMessageCodec.decode(TaskMessageCodec.encode(task))).isEqualTo(task);
    }

    private static void assertRefused(TaskMessage message, Reason reason) {
        assertThatThrownBy(() -> TaskMessageCodec.decode(TaskMessageCodec.encode(message)))
                .isInstanceOfSatisfying(
                        InvalidMessageException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
