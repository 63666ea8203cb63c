-- A dry run over all companies: the source's rows per legacy table, as its orphans task counted them.
SELECT c.key AS table_name, c.value::bigint AS rows
FROM migration.tasks t, jsonb_each_text(t.detail -> 'source_rows') c
WHERE t.run_id = :runId AND t.task_group = 'orphans' AND t.state = 'succeeded'
