-- The task's own failure (its data, a constraint, a trigger, a bug): one attempt more.
UPDATE migration.tasks
SET state = 'retrying', attempts = attempts + 1, unfinished = 0, error = :error, worker = :worker,
    finished_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
  AND state NOT IN ('succeeded', 'dead')
RETURNING attempts
