package io.migration.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migration.common.ledger.TaskOutcome;
import io.migration.common.transform.RejectBuffer;
import io.migration.common.transform.RejectReason;
import io.migration.common.transform.SourceTables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A task's counts: rows read must be contributed or rejected (R12), and rejects keep their reasons. */
class ShardOutcomeTest {

    @Test
    void rejectsAreCountedByTableAndByReasonAcrossParts() {
        ShardOutcome outcome = new ShardOutcome();
        RejectBuffer first = new RejectBuffer();
        first.add(SourceTables.LIST_RECIPIENTS, 1, RejectReason.INVALID_EMAIL, 7);
        first.add(SourceTables.LIST_RECIPIENTS, 2, RejectReason.INVALID_STATUS, 7);
        first.add(SourceTables.TAGS, 3, RejectReason.BLANK_TAG, 7);
        RejectBuffer second = new RejectBuffer();
        second.add(SourceTables.LIST_RECIPIENTS, 4, RejectReason.INVALID_EMAIL, 9);
        outcome.rejected(first);
        outcome.rejected(second);
        outcome.contributed(SourceTables.LIST_RECIPIENTS, 10);
        outcome.contributed(SourceTables.TAGS, 5);
        outcome.written("recipients", 10);

        TaskOutcome recorded =
                outcome.toTaskOutcome(Map.of(SourceTables.LIST_RECIPIENTS, 13L, SourceTables.TAGS, 6L), 42);

        assertThat(recorded.rejected()).isEqualTo(4);
        assertThat(recorded.rejectedByTableAndReason())
                .isEqualTo(Map.of(
                        SourceTables.LIST_RECIPIENTS, Map.of("invalid_email", 2L, "invalid_status", 1L),
                        SourceTables.TAGS, Map.of("blank_tag", 1L)));
        assertThat(recorded.rowsRead()).isEqualTo(19);
        assertThat(recorded.rowsWritten()).isEqualTo(10);
    }

    @Test
    void countsThatDoNotAddUpFailTheTaskRatherThanCommitIt() {
        ShardOutcome outcome = new ShardOutcome();
        RejectBuffer rejects = new RejectBuffer();
        rejects.add(SourceTables.SUPPRESSIONS, 1, RejectReason.INVALID_EMAIL, 0);
        outcome.rejected(rejects);
        outcome.contributed(SourceTables.SUPPRESSIONS, 3);

        assertThatThrownBy(() -> outcome.toTaskOutcome(Map.of(SourceTables.SUPPRESSIONS, 5L), 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("suppressions")
                .hasMessageContaining("read 5, contributed 3, rejected 1");
    }
}
