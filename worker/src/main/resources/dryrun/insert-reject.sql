INSERT INTO migration.dry_run_rejects (run_id, company_id, task_group, shard, source_table, source_id, reason)
VALUES (:runId, :companyId, :group, :shard, :sourceTable, :sourceId, :reason)
