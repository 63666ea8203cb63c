-- A delivery asks for its task: the ledger's copy of it (range, shard count, counters) and the
-- mode (its own in a cutover run, else its run's), locked until the claim commits so that two deliveries decide one after the other.
SELECT t.state, t.error, t.shard_count, t.bucket_lo, t.bucket_hi, t.estimated_rows, t.attempts, t.deliveries, t.unfinished,
       coalesce(t.mode, r.mode) AS mode
FROM migration.tasks t
JOIN migration.runs r ON r.run_id = t.run_id
WHERE t.run_id = :runId AND t.company_id = :companyId AND t.task_group = :group AND t.shard = :shard
FOR UPDATE OF t
