-- Per run and company: rows read and contributed (by legacy table), written (by target table), and
-- rejected (by legacy table and reason). A dry run's rejects are kept in migration.dry_run_rejects,
-- apart from the real runs' migration_rejects; a reject of no company (R10 orphan_recipient) counts
-- under company 0, the orphans task's.
SELECT t.run_id, t.company_id, 'read' AS measure, c.key AS table_name, NULL AS reason, sum(c.value::bigint) AS rows
FROM migration.tasks t, jsonb_each_text(t.read_by_table) c
WHERE t.run_id = ANY(:runIds) AND (:all OR t.company_id = ANY(:companyIds))
GROUP BY t.run_id, t.company_id, c.key
UNION ALL
SELECT t.run_id, t.company_id, 'written', c.key, NULL, sum(c.value::bigint)
FROM migration.tasks t, jsonb_each_text(t.written_by_table) c
WHERE t.run_id = ANY(:runIds) AND (:all OR t.company_id = ANY(:companyIds))
GROUP BY t.run_id, t.company_id, c.key
UNION ALL
SELECT t.run_id, t.company_id, 'contributed', c.key, NULL, sum(c.value::bigint)
FROM migration.tasks t, jsonb_each_text(t.contributed_by_table) c
WHERE t.run_id = ANY(:runIds) AND (:all OR t.company_id = ANY(:companyIds))
GROUP BY t.run_id, t.company_id, c.key
UNION ALL
SELECT r.run_id, coalesce(r.company_id, 0), 'rejected', r.source_table, r.reason, count(*)
FROM migration.dry_run_rejects r
WHERE r.run_id = ANY(:dryRunIds) AND (:all OR r.company_id = ANY(:companyIds))
GROUP BY r.run_id, r.company_id, r.source_table, r.reason
UNION ALL
SELECT r.run_id, coalesce(r.company_id, 0), 'rejected', r.source_table, r.reason, count(*)
FROM migration_rejects r
WHERE r.run_id = ANY(:otherRunIds) AND (:all OR r.company_id = ANY(:companyIds))
GROUP BY r.run_id, r.company_id, r.source_table, r.reason
