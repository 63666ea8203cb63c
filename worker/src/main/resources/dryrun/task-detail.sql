-- What a dry-run task learned besides its counts (orphans: the source's rows per table).
UPDATE migration.tasks SET detail = CAST(:detail AS jsonb)
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
