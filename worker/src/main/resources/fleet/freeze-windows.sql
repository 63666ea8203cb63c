-- The freeze windows (freeze hook's start to switch hook's start) that ended in the last 24 hours,
-- every cutover's (a company switched twice counts twice), in seconds: how many, the median and the
-- longest. A cutover abandoned before its switch hook has no freeze window. Every worker reports the
-- same figures; dashboards take the max.
SELECT count(*) AS windows,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY freeze_window_ms) / 1000.0 AS median_seconds,
       max(freeze_window_ms) / 1000.0 AS longest_seconds
FROM migration.cutovers
WHERE freeze_window_ms IS NOT NULL
  AND switch_started_at > now() - interval '24 hours'
