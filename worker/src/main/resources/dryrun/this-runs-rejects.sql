-- The rejects this dry-run task just wrote into migration_rejects, read back inside its own
-- transaction before the rows are rolled back.
SELECT company_id, source_table, source_id, reason FROM migration_rejects
WHERE company_id = :companyId AND run_id = :runId
