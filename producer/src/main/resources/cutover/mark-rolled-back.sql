UPDATE migration.cutovers
SET state = 'rolled-back', rolled_back_at = clock_timestamp(), rollback_report = CAST(:report AS jsonb),
    updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
