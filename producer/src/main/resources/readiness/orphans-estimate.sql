-- The orphans task's size for progress and ETA: the planner's row estimates of the tables it reads
-- (a count would scan the source once more just to plan).
SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint
FROM unnest(CAST(:tables AS text[])) AS wanted(name)
JOIN pg_class c ON c.oid = to_regclass(wanted.name)
