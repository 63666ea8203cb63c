-- A catch-up copy's source checksums, recorded in its shard's transaction with its success.
UPDATE migration.tasks SET source_checksums = CAST(:checksums AS jsonb)
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
