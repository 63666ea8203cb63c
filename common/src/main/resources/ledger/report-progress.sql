-- The heartbeat's view of this worker's running claims: source rows read so far.
UPDATE migration.tasks t
SET progress_rows = p.rows
FROM unnest(CAST(:runIds AS text[]), CAST(:companyIds AS bigint[]), CAST(:groups AS text[]),
            CAST(:shards AS integer[]), CAST(:rows AS bigint[])) AS p(run_id, company_id, task_group, shard, rows)
WHERE t.run_id = p.run_id AND t.company_id = p.company_id AND t.task_group = p.task_group AND t.shard = p.shard
  AND t.state = 'running' AND t.worker = :worker
