COPY migration_rejects (run_id, company_id, source_table, source_id, reason, task_group, shard_bucket) FROM STDIN
