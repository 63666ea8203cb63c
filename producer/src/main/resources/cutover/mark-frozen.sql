UPDATE migration.cutovers SET frozen_at = clock_timestamp(), updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
