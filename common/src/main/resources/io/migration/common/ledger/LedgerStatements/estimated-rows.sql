-- The planner's estimate of a task's source rows: the worker reads a larger task in parts.
SELECT estimated_rows FROM migration.tasks
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
