-- A shard's task row is locked for the whole shard (the duplicate check), so a heartbeat that
-- wrote each running task's progress there waited for every shard to end: live progress is the
-- workers' read rate (migration.workers) instead.
ALTER TABLE migration.tasks DROP COLUMN progress_rows;
