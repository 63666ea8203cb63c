-- An operator replays a dead letter: the task starts afresh (its failures no longer count) unless
-- it succeeded meanwhile. Returns 'reset', or 'succeeded' when there is nothing to replay; no row
-- when no such task was planned. When the letter carries a whole task (:shardCount not NULL), its
-- shard count, range and mode must be the ledger's too: a letter that disagrees names no planned
-- task (a worker dead-letters such a message invalid_shard) and must not touch the real one.
WITH planned AS (
    SELECT t.run_id, t.company_id, t.task_group, t.shard, t.state
    FROM migration.tasks t
    JOIN migration.runs r ON r.run_id = t.run_id
    WHERE t.run_id = :runId AND t.company_id = :companyId AND t.task_group = :group AND t.shard = :shard
      AND (CAST(:shardCount AS integer) IS NULL
           OR (t.shard_count = :shardCount AND t.bucket_lo = :bucketLo AND t.bucket_hi = :bucketHi AND r.mode = :mode))
), reset AS (
    UPDATE migration.tasks t
    SET state = 'published', attempts = 0, unfinished = 0, error = NULL
    FROM planned p
    WHERE t.run_id = p.run_id AND t.company_id = p.company_id AND t.task_group = p.task_group AND t.shard = p.shard
      AND p.state <> 'succeeded'
    RETURNING 'reset' AS outcome
)
SELECT outcome FROM reset
UNION ALL
SELECT 'succeeded' FROM planned WHERE state = 'succeeded'
