-- state is 'retrying' (the message goes back to the queue) or 'dead' (it went to the dead-letter queue).
UPDATE migration.tasks
SET state = :state, error = :error, worker = :worker, finished_at = now()
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
  AND state <> 'succeeded'
