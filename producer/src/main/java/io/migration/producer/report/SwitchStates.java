package io.migration.producer.report;

import io.migration.producer.cutover.CompanyCutoverRecord;
import io.migration.producer.cutover.CutoverLedger;
import io.migration.producer.cutover.SwitchWindow;
import io.migration.producer.cutover.SwitchWindows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The switch's part of a company's state: a cutover newer than the latest run sets it (switching,
 * switched, rolled-back, failed with the reason and "needs a new switch window"); otherwise a window
 * still to come makes the company {@code scheduled}, with the window in the detail.
 */
final class SwitchStates {

    private final Map<Long, CutoverLedger.Latest> cutovers;
    private final Map<Long, SwitchWindow> windows;

    SwitchStates(Jdbi target, List<Long> companies) {
        this.cutovers = new CutoverLedger(target).latestOf(companies);
        this.windows = new SwitchWindows(target).of(companies);
    }

    CompanyStatus over(CompanyStatus fromRuns) {
        long company = fromRuns.companyId();
        CutoverLedger.Latest latest = cutovers.get(company);
        SwitchWindow window = windows.get(company);
        boolean cutoverIsLatest = latest != null
                && (fromRuns.runId() == null
                        || fromRuns.runId().equals(latest.cutover().runId())
                        || fromRuns.since() == null
                        || !latest.runCreatedAt().isBefore(runCreated(fromRuns)));
        if (cutoverIsLatest
                && (window == null || !window.active() || window.scheduledAt().isBefore(latest.runCreatedAt()))) {
            return fromCutover(latest.cutover());
        }
        if (window != null && window.active()) {
            String was = fromRuns.state() == CompanyState.NEVER_TRIED
                    ? ""
                    : "; was " + fromRuns.state().wireName()
                            + (fromRuns.detail().isEmpty() ? "" : " (" + fromRuns.detail() + ")");
            return new CompanyStatus(
                    company,
                    CompanyState.SCHEDULED,
                    fromRuns.runId(),
                    fromRuns.mode(),
                    window.scheduledAt(),
                    "window " + window.interval() + ", notice " + window.noticeDate() + was);
        }
        return fromRuns;
    }

    private static Instant runCreated(CompanyStatus s) {
        return s.since();
    }

    private static CompanyStatus fromCutover(CompanyCutoverRecord c) {
        return switch (c.state()) {
            case PENDING, CATCHING_UP ->
                status(c, CompanyState.SWITCHING, c.freezeStartedAt(), "catching up, " + c.passes() + " pass(es)");
            case FROZEN ->
                status(c, CompanyState.SWITCHING, c.freezeStartedAt(), "frozen since " + c.freezeStartedAt());
            case SWITCHED ->
                status(
                        c,
                        CompanyState.SWITCHED,
                        c.switchedAt(),
                        "freeze window "
                                + (c.freezeWindowMillis() == null ? "?" : c.freezeWindowMillis() / 1000.0 + " s"));
            case ROLLED_BACK ->
                status(c, CompanyState.ROLLED_BACK, c.rolledBackAt(), "switched " + c.switchedAt() + ", rolled back");
            case FAILED ->
                status(
                        c,
                        CompanyState.FAILED,
                        c.unfrozenAt(),
                        "cutover failed: " + c.reason() + "; needs a new switch window");
        };
    }

    private static CompanyStatus status(CompanyCutoverRecord c, CompanyState state, Instant since, String detail) {
        return new CompanyStatus(c.companyId(), state, c.runId(), "cutover", since, detail.replaceAll("\\s+", " "));
    }
}
