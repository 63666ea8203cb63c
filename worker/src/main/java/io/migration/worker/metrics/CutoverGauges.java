package io.migration.worker.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;

/**
 * The switch's gauges (docs/METRICS.md, "The switch"): fleet-wide figures the worker reads from the
 * ledger each few control intervals, since {@code producer cutover} is a short-lived process that
 * exports nothing. Every worker reports the same values; dashboards take the max. Absent until
 * the first read; the freeze window quantiles are absent while no window ended in the last 24 h.
 */
public final class CutoverGauges {

    private static final String FLEET_WIDE = " (fleet-wide, from the ledger: every worker reports the same value)";

    private final MultiGauge companies;
    private final MultiGauge catchUpPasses;
    private final MultiGauge rowsRecopied;
    private final MultiGauge freezeWindows;
    private final MultiGauge freezeWindowSeconds;

    public CutoverGauges(MeterRegistry registry) {
        companies = MultiGauge.builder("migration.cutover.companies")
                .description("Companies by the state of their latest cutover" + FLEET_WIDE)
                .register(registry);
        catchUpPasses = MultiGauge.builder("migration.cutover.catchup.passes")
                .description("Catch-up passes of the companies whose latest cutover has not ended" + FLEET_WIDE)
                .register(registry);
        rowsRecopied = MultiGauge.builder("migration.cutover.rows.recopied")
                .description("Rows re-copied by the catch-up of the companies whose latest cutover has not ended"
                        + FLEET_WIDE)
                .register(registry);
        freezeWindows = MultiGauge.builder("migration.cutover.freeze.windows")
                .description("Freeze windows (freeze hook to switch hook) that ended in the last 24 h" + FLEET_WIDE)
                .register(registry);
        freezeWindowSeconds = MultiGauge.builder("migration.cutover.freeze.window.seconds")
                .description(
                        "Median (quantile 0.5) and longest (quantile 1) freeze window of the last 24 h" + FLEET_WIDE)
                .register(registry);
    }

    /** Replaces every value with the ledger's latest figures. */
    public void update(CutoverFigures figures) {
        companies.register(
                figures.companiesByState().entrySet().stream()
                        .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey()), e.getValue()))
                        .toList(),
                true);
        catchUpPasses.register(List.of(MultiGauge.Row.of(Tags.empty(), figures.catchUpPasses())), true);
        rowsRecopied.register(List.of(MultiGauge.Row.of(Tags.empty(), figures.rowsRecopied())), true);
        CutoverFigures.FreezeWindows windows = figures.freezeWindows();
        freezeWindows.register(List.of(MultiGauge.Row.of(Tags.empty(), windows.count())), true);
        freezeWindowSeconds.register(
                !windows.any()
                        ? List.of()
                        : List.of(
                                MultiGauge.Row.of(Tags.of("quantile", "0.5"), windows.medianSeconds()),
                                MultiGauge.Row.of(Tags.of("quantile", "1"), windows.longestSeconds())),
                true);
    }
}
