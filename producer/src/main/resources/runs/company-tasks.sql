-- Per run and company: task states, timing and rows read; the first error of a task given up on.
SELECT run_id,
       company_id,
       count(*)                                                    AS tasks,
       count(*) FILTER (WHERE state = 'succeeded')                 AS succeeded,
       count(*) FILTER (WHERE state IN ('dead', 'failed'))         AS failed,
       count(*) FILTER (WHERE state NOT IN ('planned', 'published')) AS started,
       min(started_at)                                             AS first_started,
       max(finished_at)                                            AS last_finished,
       coalesce(sum(duration_ms), 0)                               AS task_millis,
       coalesce(sum(rows_read), 0)                                 AS rows_read,
       (array_agg(task_group || '/' || shard || ': ' || left(error, 300) ORDER BY task_group, shard)
            FILTER (WHERE state IN ('dead', 'failed') AND error IS NOT NULL))[1] AS first_error
FROM migration.tasks
WHERE run_id = ANY(:runIds) AND (:all OR company_id = ANY(:companyIds))
GROUP BY run_id, company_id
ORDER BY run_id, company_id
