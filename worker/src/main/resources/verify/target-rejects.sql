-- The rejects recorded for the shard (by any run: R13 wants exactly the last run's, and a re-run
-- replaces them), by the bucket the writer filed them under.
SELECT source_table, source_id, company_id, reason FROM migration_rejects
WHERE company_id = ? AND task_group = ? AND shard_bucket BETWEEN ? AND ?
