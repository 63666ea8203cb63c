SELECT count(*)                                            AS total,
       count(*) FILTER (WHERE state = 'succeeded')         AS succeeded,
       count(*) FILTER (WHERE state = 'running')           AS running,
       count(*) FILTER (WHERE state IN ('planned', 'published', 'retrying')) AS waiting,
       count(*) FILTER (WHERE state = 'dead')              AS dead,
       count(*) FILTER (WHERE state = 'failed')            AS failed,
       coalesce(sum(rows_read), 0)                         AS rows_read,
       coalesce(sum(rows_written), 0)                      AS rows_written,
       coalesce(sum(rows_rejected), 0)                     AS rows_rejected,
       coalesce(sum(estimated_rows) FILTER (WHERE state NOT IN ('succeeded', 'dead', 'failed')), 0) AS rows_left,
       extract(epoch FROM (now() - min(started_at)))       AS seconds_since_start
FROM migration.tasks
WHERE run_id = :runId
