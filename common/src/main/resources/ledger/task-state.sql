SELECT state, attempts FROM migration.tasks
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
