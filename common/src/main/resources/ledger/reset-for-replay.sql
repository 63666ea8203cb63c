-- An operator replays a dead letter: the task starts afresh (its failures no longer count) unless
-- it succeeded meanwhile. Returns 'reset', or 'succeeded' when there is nothing to replay; no row
-- when no such task was planned.
WITH reset AS (
    UPDATE migration.tasks
    SET state = 'published', attempts = 0, unfinished = 0, error = NULL
    WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
      AND state <> 'succeeded'
    RETURNING 'reset' AS outcome
)
SELECT outcome FROM reset
UNION ALL
SELECT 'succeeded' FROM migration.tasks
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
  AND state = 'succeeded'
