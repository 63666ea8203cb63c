package io.migration.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.migration.worker.metrics.CutoverFigures.FreezeWindows;
import io.migration.worker.metrics.CutoverFigures.StateRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CutoverFiguresTest {

    @Test
    void everyStateIsPresentAtZeroWhenTheLedgerHasNoCutover() {
        CutoverFigures figures = CutoverFigures.of(List.of(), null);

        assertThat(figures.companiesByState())
                .containsExactly(
                        Map.entry("pending", 0L),
                        Map.entry("catching-up", 0L),
                        Map.entry("frozen", 0L),
                        Map.entry("switched", 0L),
                        Map.entry("failed", 0L),
                        Map.entry("rolled-back", 0L));
        assertThat(figures.catchUpPasses()).isZero();
        assertThat(figures.rowsRecopied()).isZero();
        assertThat(figures.freezeWindows().any()).isFalse();
    }

    @Test
    void catchUpCountsOnlyCutoversThatHaveNotEnded() {
        CutoverFigures figures = CutoverFigures.of(
                List.of(
                        new StateRow("pending", 4, 0, 0),
                        new StateRow("catching-up", 2, 5, 1_200),
                        new StateRow("frozen", 1, 3, 40),
                        new StateRow("switched", 10, 31, 90_000),
                        new StateRow("failed", 1, 2, 700),
                        new StateRow("rolled-back", 1, 1, 10)),
                new FreezeWindows(11, 4.2, 12.5));

        assertThat(figures.companiesByState())
                .containsEntry("pending", 4L)
                .containsEntry("catching-up", 2L)
                .containsEntry("frozen", 1L)
                .containsEntry("switched", 10L)
                .containsEntry("failed", 1L)
                .containsEntry("rolled-back", 1L);
        assertThat(figures.catchUpPasses()).isEqualTo(8);
        assertThat(figures.rowsRecopied()).isEqualTo(1_240);
        assertThat(figures.freezeWindows()).isEqualTo(new FreezeWindows(11, 4.2, 12.5));
    }

    @Test
    void aStateTheSchemaAddsLaterIsShownAfterTheKnownOnes() {
        CutoverFigures figures = CutoverFigures.of(
                List.of(new StateRow("switched", 3, 6, 60), new StateRow("verifying", 2, 4, 80)), FreezeWindows.NONE);

        assertThat(figures.companiesByState()).hasSize(7).containsEntry("switched", 3L);
        assertThat(figures.companiesByState().keySet()).last().isEqualTo("verifying");
        assertThat(figures.catchUpPasses())
                .as("an unknown state is not counted as under way")
                .isZero();
    }
}
