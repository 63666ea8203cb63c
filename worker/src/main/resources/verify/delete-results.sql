DELETE FROM migration.verify_results
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard
