-- Every catch-up copy of the company that succeeded, in the order they were planned: the later
-- copy of a range replaces what an earlier one read.
SELECT shard, task_group, bucket_lo, bucket_hi, source_checksums::text AS source_checksums
FROM migration.tasks
WHERE run_id = :runId AND company_id = :companyId AND mode = 'catch-up' AND state = 'succeeded'
ORDER BY shard
