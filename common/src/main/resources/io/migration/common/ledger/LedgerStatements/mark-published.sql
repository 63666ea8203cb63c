-- Only 'planned' moves to 'published': a fast worker may already have started the task.
UPDATE migration.tasks SET state = 'published', published_at = now()
WHERE run_id = :runId AND company_id = :companyId AND task_group = :group AND shard = :shard AND state = 'planned'
