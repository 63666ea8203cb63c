package io.migration.worker.metrics;

import io.migration.common.ledger.CutoverState;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fleet's cutovers (the switch) as the ledger shows them now, what {@link CutoverGauges}
 * exports: companies by the state of their latest cutover, every state present (0 when none);
 * the catch-up passes and rows re-copied of the cutovers not ended yet; the freeze windows of the
 * last 24 hours.
 *
 * @param companiesByState companies by their latest cutover's state, in the order a cutover goes
 * @param catchUpPasses catch-up passes of the companies whose latest cutover has not ended
 * @param rowsRecopied rows those passes re-copied
 * @param freezeWindows the freeze windows that ended in the last 24 hours
 */
public record CutoverFigures(
        Map<String, Long> companiesByState, long catchUpPasses, long rowsRecopied, FreezeWindows freezeWindows) {

    /** The states of {@code migration.cutovers} (V7__switch.sql), in the order a cutover goes through them. */
    public static final List<String> STATES =
            Arrays.stream(CutoverState.values()).map(CutoverState::wireName).toList();

    /** States of a cutover that has not ended: its company is being switched. */
    public static final Set<String> NOT_ENDED = Arrays.stream(CutoverState.values())
            .filter(state -> !state.ended())
            .map(CutoverState::wireName)
            .collect(Collectors.toUnmodifiableSet());

    /** Companies whose latest cutover is in {@code state}, with those cutovers' passes and rows re-copied. */
    public record StateRow(String state, long companies, long passes, long rowsRecopied) {}

    /**
     * The freeze windows that ended in the last 24 hours: how many, their median and the longest,
     * in seconds (both NaN when there is none).
     */
    public record FreezeWindows(long count, double medianSeconds, double longestSeconds) {

        public static final FreezeWindows NONE = new FreezeWindows(0, Double.NaN, Double.NaN);

        public boolean any() {
            return count > 0;
        }
    }

    /** The figures from the ledger's rows: every known state first at 0, catch-up summed over the unended. */
    public static CutoverFigures of(List<StateRow> rows, FreezeWindows freezeWindows) {
        Map<String, Long> byState = new LinkedHashMap<>();
        STATES.forEach(state -> byState.put(state, 0L));
        long passes = 0;
        long recopied = 0;
        for (StateRow row : rows) {
            // A state the schema adds later is shown too: the schema's CHECK keeps the label bounded.
            byState.merge(row.state(), row.companies(), Long::sum);
            if (NOT_ENDED.contains(row.state())) {
                passes += row.passes();
                recopied += row.rowsRecopied();
            }
        }
        return new CutoverFigures(
                Collections.unmodifiableMap(byState),
                passes,
                recopied,
                freezeWindows == null ? FreezeWindows.NONE : freezeWindows);
    }
}
