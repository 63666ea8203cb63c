INSERT INTO migration.tasks (run_id, company_id, task_group, shard, shard_count, bucket_lo, bucket_hi, estimated_rows)
VALUES (:runId, :companyId, :group, :shard, :shardCount, :bucketLo, :bucketHi, :estimatedRows)
