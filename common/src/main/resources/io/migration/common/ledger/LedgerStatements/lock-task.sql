-- Inside a shard's target transaction, after its range locks: the task row, locked, so that two
-- deliveries of the same task take turns and the second sees that the first succeeded.
SELECT state FROM migration.tasks
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
FOR UPDATE
