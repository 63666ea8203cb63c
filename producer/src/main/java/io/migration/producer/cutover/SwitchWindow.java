package io.migration.producer.cutover;

import java.time.Instant;
import java.time.LocalDate;

/** A company's switch window and its notice ({@code migration.switch_windows}). */
public record SwitchWindow(
        long companyId,
        Instant start,
        Instant end,
        LocalDate noticeDate,
        int noticeDays,
        String state,
        String stateReason,
        Instant scheduledAt) {

    /** Still to be used: not switched in, not cancelled by a failed cutover. */
    public boolean active() {
        return state.equals("scheduled");
    }

    public boolean holds(Instant t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }

    /** {@code START/END} as ISO-8601 instants. */
    public String interval() {
        return start + "/" + end;
    }
}
