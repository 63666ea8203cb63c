-- A shard's range locks (ShardLocks): every key in the array's order (ascending), exclusive where the
-- second array says true, shared otherwise, held until the transaction ends. One statement, one
-- order, so two writers cannot each hold a lock the other waits for.
SELECT count(CASE WHEN exclusive THEN pg_advisory_xact_lock(k) ELSE pg_advisory_xact_lock_shared(k) END)
FROM unnest(CAST(? AS bigint[]), CAST(? AS boolean[])) AS l(k, exclusive)
