-- Rejects of this shard from any run: after it, they are this run's alone (R13).
DELETE FROM migration_rejects WHERE company_id = ? AND task_group = ? AND shard_bucket BETWEEN ? AND ?
