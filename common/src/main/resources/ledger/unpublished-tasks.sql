-- Tasks whose publish was never confirmed: what a repeated enqueue sends again.
SELECT run_id, company_id, task_group, shard, shard_count, bucket_lo, bucket_hi, estimated_rows
FROM migration.tasks
WHERE run_id = :runId AND state = 'planned'
ORDER BY company_id, task_group, shard
