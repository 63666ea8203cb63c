INSERT INTO migration.runs (run_id, mode, selection, shard_rows, task_count)
VALUES (:runId, :mode, :selection, :shardRows, :taskCount)
