-- Per company, the latest run (by creation time, then run id) that has a task of it.
SELECT DISTINCT ON (t.company_id) t.company_id, r.run_id
FROM migration.tasks t
JOIN migration.runs r ON r.run_id = t.run_id
WHERE t.company_id = ANY(:companyIds)
ORDER BY t.company_id, r.created_at DESC, r.run_id DESC
