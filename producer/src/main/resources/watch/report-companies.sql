SELECT company_id,
       count(*)                                    AS tasks,
       count(*) FILTER (WHERE state = 'succeeded') AS succeeded,
       count(*) FILTER (WHERE state IN ('dead', 'failed')) AS failed,
       extract(epoch FROM (max(finished_at) - min(started_at))) AS seconds
FROM migration.tasks
WHERE run_id = :runId
GROUP BY company_id
ORDER BY company_id
