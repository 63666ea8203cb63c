-- Companies by the state of their latest cutover (latest by its run's creation, as `producer
-- companies` reads it), with the catch-up passes and rows re-copied of those cutovers (the cutover
-- gauges). Every worker reports the same figures; dashboards take the max.
WITH latest AS (
    SELECT DISTINCT ON (c.company_id) c.state, c.passes, c.rows_recopied
    FROM migration.cutovers c
    JOIN migration.runs r ON r.run_id = c.run_id
    ORDER BY c.company_id, r.created_at DESC, c.run_id DESC
)
SELECT state, count(*) AS companies, coalesce(sum(passes), 0) AS passes,
       coalesce(sum(rows_recopied), 0) AS rows_recopied
FROM latest
GROUP BY state
