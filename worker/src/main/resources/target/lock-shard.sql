-- Two deliveries of the same shard (a redelivery while the first copy still runs) take turns.
SELECT pg_advisory_xact_lock(?)
