-- A dry-run task's own rejects, replaced whole by each delivery of it.
DELETE FROM migration.dry_run_rejects
WHERE run_id = :runId AND task_group = :group AND shard = :shard AND company_id IS NOT DISTINCT FROM :companyId
