-- The delivery went back to the queue without counting an attempt (an outage, a pause, a stop).
-- Only this worker's own running claim is ended: a concurrent duplicate's claim is left alone.
UPDATE migration.tasks
SET state = 'retrying', unfinished = 0, error = :reason, finished_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
  AND state = 'running' AND worker = :worker
