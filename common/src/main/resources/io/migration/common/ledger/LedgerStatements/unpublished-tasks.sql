-- Tasks whose publish was never confirmed: what a repeated enqueue sends again.
SELECT run_id, company_id, task_group, shard, shard_count, bucket_lo, bucket_hi, estimated_rows
FROM migration.tasks
WHERE run_id = :runId AND state = 'planned'
-- Largest first (RunPlanner): the fleet should not end on one big shard while its other consumers idle.
ORDER BY estimated_rows DESC, company_id, task_group, shard
