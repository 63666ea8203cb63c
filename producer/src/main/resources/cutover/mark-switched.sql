UPDATE migration.cutovers SET state = 'switched', switched_at = clock_timestamp(), reason = NULL,
    updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
