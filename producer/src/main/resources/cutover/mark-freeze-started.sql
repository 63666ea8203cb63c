-- Recorded before the freeze hook runs: a producer killed during it must not freeze the company twice.
UPDATE migration.cutovers SET state = 'frozen', freeze_started_at = clock_timestamp(), updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
