-- Recorded before the switch hook runs: the end of the freeze window, and the point of no unfreeze.
UPDATE migration.cutovers
SET switch_started_at = clock_timestamp(),
    freeze_window_ms = (extract(epoch FROM clock_timestamp() - freeze_started_at) * 1000)::bigint,
    final_delta_rows = :finalDeltaRows, verification = CAST(:verification AS jsonb), updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
