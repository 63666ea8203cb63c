SELECT run_id, mode, selection, shard_rows, task_count, created_at FROM migration.runs WHERE run_id = :runId
