-- The tasks of a company's pass: where each stands, and what a catch-up copy read.
SELECT shard, task_group, bucket_lo, bucket_hi, mode, state, error, rows_read, source_checksums::text AS source_checksums
FROM migration.tasks
WHERE run_id = :runId AND company_id = :companyId AND shard = ANY(:shards)
ORDER BY shard
