-- A cutover run's tasks recorded but never confirmed by the broker (the producer died between the two).
SELECT run_id, company_id, task_group, shard, shard_count, bucket_lo, bucket_hi, estimated_rows, mode
FROM migration.tasks
WHERE run_id = :runId AND state = 'planned'
ORDER BY company_id, shard
