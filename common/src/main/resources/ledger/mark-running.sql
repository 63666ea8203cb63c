-- A delivery starts (or restarts) a task. A finished task is left alone: no row comes back.
UPDATE migration.tasks
SET state = 'running', attempts = attempts + 1, worker = :worker, started_at = now(), error = NULL
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
  AND state <> 'succeeded'
RETURNING attempts
