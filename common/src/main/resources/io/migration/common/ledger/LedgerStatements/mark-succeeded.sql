-- clock_timestamp(), not now(): this runs inside the shard's transaction, whose now() is its start.
UPDATE migration.tasks
SET state = 'succeeded', rows_read = :rowsRead, rows_written = :rowsWritten, rows_rejected = :rowsRejected,
    read_by_table = CAST(:readByTable AS jsonb), written_by_table = CAST(:writtenByTable AS jsonb),
    contributed_by_table = CAST(:contributedByTable AS jsonb),
    worker = :worker, error = NULL, unfinished = 0, finished_at = clock_timestamp(), duration_ms = :durationMs
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
