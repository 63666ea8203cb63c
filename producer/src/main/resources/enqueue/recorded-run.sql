-- What a repeated enqueue with the same --run-id must match.
SELECT mode, selection, shard_rows, selection_ids FROM migration.runs WHERE run_id = :runId
