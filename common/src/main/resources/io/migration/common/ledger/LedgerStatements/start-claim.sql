-- The claim is granted: one more delivery, one more claim without a recorded end (reset by every end).
UPDATE migration.tasks
SET state = 'running', deliveries = deliveries + 1, unfinished = unfinished + 1,
    worker = :worker, started_at = clock_timestamp(), error = NULL
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
