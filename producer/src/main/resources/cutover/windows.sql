SELECT company_id, window_start, window_end, notice_date, notice_days, state, state_reason, scheduled_at
FROM migration.switch_windows
WHERE :all OR company_id = ANY(:companyIds)
ORDER BY window_start, company_id
