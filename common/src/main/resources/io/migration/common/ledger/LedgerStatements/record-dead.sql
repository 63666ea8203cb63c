-- Recorded only once the dead letter's publish was confirmed (never before: a failed publish
-- would leave a task the ledger calls dead in the work queue).
UPDATE migration.tasks
SET state = 'dead', unfinished = 0, error = :error, worker = :worker, finished_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
  AND state <> 'succeeded'
