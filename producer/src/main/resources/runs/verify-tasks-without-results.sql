-- Succeeded verify tasks that recorded no result row: a verify that checked nothing proves nothing.
SELECT t.company_id, count(*) AS tasks
FROM migration.tasks t
WHERE t.run_id = :runId AND t.company_id = ANY(:companyIds) AND t.state = 'succeeded'
  AND NOT EXISTS (SELECT 1 FROM migration.verify_results v
                  WHERE v.run_id = t.run_id AND v.company_id = t.company_id
                    AND v.task_group = t.task_group AND v.shard = t.shard)
GROUP BY t.company_id
