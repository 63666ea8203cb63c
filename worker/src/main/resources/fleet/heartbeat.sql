-- This worker is alive, and what it is doing; the fleet's budget is shared among the live ones.
INSERT INTO migration.workers AS w (fleet, worker, consumers, state, source_breaker, target_breaker, breaker_cause,
                                    pace_limit, read_rate, slowdown, in_flight, last_seen)
VALUES (:fleet, :worker, :consumers, :state, :sourceBreaker, :targetBreaker, :breakerCause, :paceLimit, :readRate,
        :slowdown, :inFlight, now())
ON CONFLICT (fleet, worker) DO UPDATE
SET consumers = EXCLUDED.consumers, state = EXCLUDED.state, source_breaker = EXCLUDED.source_breaker,
    target_breaker = EXCLUDED.target_breaker, breaker_cause = EXCLUDED.breaker_cause,
    pace_limit = EXCLUDED.pace_limit, read_rate = EXCLUDED.read_rate, slowdown = EXCLUDED.slowdown,
    in_flight = EXCLUDED.in_flight, last_seen = now()
