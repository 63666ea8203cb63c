-- Scheduling again replaces the window and restarts its notice.
INSERT INTO migration.switch_windows (company_id, window_start, window_end, notice_date, notice_days)
VALUES (:companyId, :windowStart, :windowEnd, :noticeDate, :noticeDays)
ON CONFLICT (company_id) DO UPDATE
SET window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end, notice_date = EXCLUDED.notice_date,
    notice_days = EXCLUDED.notice_days, state = 'scheduled', state_reason = NULL, scheduled_at = now(),
    updated_at = now()
