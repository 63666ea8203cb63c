-- A cutover pass's task: a catch-up copy or a verification, numbered after the company's earlier ones.
INSERT INTO migration.tasks (run_id, company_id, task_group, shard, shard_count, bucket_lo, bucket_hi, estimated_rows, mode)
VALUES (:runId, :companyId, :group, :shard, :shardCount, :bucketLo, :bucketHi, :estimatedRows, :mode)
