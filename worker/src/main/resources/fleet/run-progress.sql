-- Tasks by state and estimated rows left of the runs active in the last hour (the dashboards'
-- progress and ETA). Every worker reports the same figures; dashboards take the max.
SELECT t.run_id,
       count(*) FILTER (WHERE t.state IN ('planned', 'published', 'retrying')) AS waiting,
       count(*) FILTER (WHERE t.state = 'running') AS running,
       count(*) FILTER (WHERE t.state = 'succeeded') AS succeeded,
       count(*) FILTER (WHERE t.state IN ('dead', 'failed')) AS dead,
       coalesce(sum(t.estimated_rows)
                FILTER (WHERE t.state NOT IN ('succeeded', 'dead', 'failed')), 0) AS rows_left
FROM migration.tasks t
JOIN migration.runs r ON r.run_id = t.run_id
WHERE r.created_at > now() - interval '7 days'
GROUP BY t.run_id
HAVING count(*) FILTER (WHERE t.state NOT IN ('succeeded', 'dead', 'failed')) > 0
    OR max(t.finished_at) > now() - interval '1 hour'
