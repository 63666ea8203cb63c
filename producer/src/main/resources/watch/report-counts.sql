-- Rows read (by legacy table) and written (by target table), per company.
SELECT t.company_id, 'read' AS measure, c.key AS table_name, NULL AS reason, sum(c.value::bigint) AS rows
FROM migration.tasks t, jsonb_each_text(t.read_by_table) c
WHERE t.run_id = :runId
GROUP BY t.company_id, c.key
UNION ALL
SELECT t.company_id, 'written', c.key, NULL, sum(c.value::bigint)
FROM migration.tasks t, jsonb_each_text(t.written_by_table) c
WHERE t.run_id = :runId
GROUP BY t.company_id, c.key
UNION ALL
SELECT r.company_id, 'rejected', r.source_table, r.reason, count(*)
FROM migration_rejects r
WHERE r.run_id = :runId
GROUP BY r.company_id, r.source_table, r.reason
ORDER BY 1, 2, 3, 4
