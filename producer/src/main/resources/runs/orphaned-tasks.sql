-- A run's tasks marked running on a worker that has not reported within :liveSeconds (it died or hangs).
SELECT coalesce(t.worker, '(unknown)') AS worker, count(*) AS tasks
FROM migration.tasks t
WHERE t.run_id = :runId AND t.state = 'running'
  AND NOT EXISTS (SELECT 1 FROM migration.workers w
                  WHERE w.worker = t.worker AND w.last_seen > now() - make_interval(secs => :liveSeconds))
GROUP BY t.worker
ORDER BY 1
