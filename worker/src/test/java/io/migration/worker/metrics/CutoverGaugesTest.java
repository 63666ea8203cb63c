package io.migration.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.migration.worker.metrics.CutoverFigures.FreezeWindows;
import io.migration.worker.metrics.CutoverFigures.StateRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names, labels and values Prometheus scrapes: what docs/METRICS.md and the dashboards rely on. */
class CutoverGaugesTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CutoverGauges gauges = new CutoverGauges(registry);

    @Test
    void nothingIsExportedBeforeTheFirstRead() {
        assertThat(registry.scrape()).doesNotContain("migration_cutover");
    }

    @Test
    void exportsEveryStateTheCatchUpAndTheFreezeWindowQuantiles() {
        gauges.update(CutoverFigures.of(
                List.of(new StateRow("catching-up", 2, 5, 1200), new StateRow("switched", 3, 9, 400)),
                new FreezeWindows(3, 4.2, 12.5)));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains(
                        "migration_cutover_companies{state=\"pending\"} 0.0",
                        "migration_cutover_companies{state=\"catching-up\"} 2.0",
                        "migration_cutover_companies{state=\"frozen\"} 0.0",
                        "migration_cutover_companies{state=\"switched\"} 3.0",
                        "migration_cutover_companies{state=\"failed\"} 0.0",
                        "migration_cutover_companies{state=\"rolled-back\"} 0.0",
                        "migration_cutover_catchup_passes 5.0",
                        "migration_cutover_rows_recopied 1200.0",
                        "migration_cutover_freeze_windows 3.0",
                        "migration_cutover_freeze_window_seconds{quantile=\"0.5\"} 4.2",
                        "migration_cutover_freeze_window_seconds{quantile=\"1\"} 12.5",
                        "# TYPE migration_cutover_freeze_window_seconds gauge");
    }

    @Test
    void eachReadReplacesTheValuesAndTheQuantilesGoWhenNoWindowIsLeft() {
        gauges.update(CutoverFigures.of(List.of(new StateRow("frozen", 1, 2, 30)), new FreezeWindows(1, 3, 3)));
        gauges.update(CutoverFigures.of(List.of(new StateRow("switched", 1, 2, 30)), FreezeWindows.NONE));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains(
                        "migration_cutover_companies{state=\"frozen\"} 0.0",
                        "migration_cutover_companies{state=\"switched\"} 1.0",
                        "migration_cutover_catchup_passes 0.0",
                        "migration_cutover_rows_recopied 0.0",
                        "migration_cutover_freeze_windows 0.0");
        assertThat(scrape).doesNotContain("migration_cutover_freeze_window_seconds{");
    }
}
