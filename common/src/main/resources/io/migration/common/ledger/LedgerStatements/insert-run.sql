-- selection_ids: the selected company ids, NULL for --all (a repeated enqueue must select the same).
INSERT INTO migration.runs (run_id, mode, selection, shard_rows, task_count, fleet, selection_ids)
VALUES (:runId, :mode, :selection, :shardRows, :taskCount, :fleet, CAST(:selectionIds AS bigint[]))
