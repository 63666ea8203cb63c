UPDATE migration.cutovers SET state = :state, updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
