package io.migration.producer.cutover;

import io.migration.common.db.SqlFiles;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The companies' switch windows in the target's control tables. */
public final class SwitchWindows {

    private final Jdbi jdbi;

    public SwitchWindows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records (or replaces) each company's window, noticed today, in one transaction. */
    public void schedule(List<Long> companies, Instant start, Instant end, LocalDate noticeDate, int noticeDays) {
        jdbi.useTransaction(h -> {
            for (long company : companies) {
                h.createUpdate(SqlFiles.get("cutover/schedule-window"))
                        .bind("companyId", company)
                        .bind("windowStart", Timestamp.from(start))
                        .bind("windowEnd", Timestamp.from(end))
                        .bind("noticeDate", Date.valueOf(noticeDate))
                        .bind("noticeDays", noticeDays)
                        .execute();
            }
        });
    }

    public List<SwitchWindow> all() {
        return query(true, List.of()).values().stream().toList();
    }

    /** The windows of the given companies (none for a company never scheduled). */
    public Map<Long, SwitchWindow> of(List<Long> companies) {
        return query(false, companies);
    }

    void markUsed(long companyId) {
        setState(companyId, "used", null);
    }

    /** A failed cutover: the customers must be told of a new window. */
    void cancel(long companyId, String reason) {
        setState(companyId, "cancelled", reason);
    }

    private void setState(long companyId, String state, String reason) {
        jdbi.useHandle(h -> h.createUpdate(SqlFiles.get("cutover/window-state"))
                .bind("companyId", companyId)
                .bind("state", state)
                .bind("reason", reason)
                .execute());
    }

    private Map<Long, SwitchWindow> query(boolean all, List<Long> companies) {
        Map<Long, SwitchWindow> out = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery(SqlFiles.get("cutover/windows"))
                .bind("all", all)
                .bind("companyIds", companies.toArray(new Long[0]))
                .map((rs, ctx) -> out.put(
                        rs.getLong("company_id"),
                        new SwitchWindow(
                                rs.getLong("company_id"),
                                rs.getTimestamp("window_start").toInstant(),
                                rs.getTimestamp("window_end").toInstant(),
                                rs.getDate("notice_date").toLocalDate(),
                                rs.getInt("notice_days"),
                                rs.getString("state"),
                                rs.getString("state_reason"),
                                rs.getTimestamp("scheduled_at").toInstant())))
                .list());
        return out;
    }
}
