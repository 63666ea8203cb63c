-- The fleet's workers that reported within the last :liveSeconds (each upserts its row every few seconds).
SELECT worker, state, source_breaker, target_breaker, breaker_cause, pace_limit, read_rate, slowdown, in_flight
FROM migration.workers
WHERE fleet = :fleet AND last_seen > now() - make_interval(secs => :liveSeconds)
ORDER BY worker
