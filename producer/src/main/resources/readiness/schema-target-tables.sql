-- The target's tables a run depends on: every ordinary or partitioned table of the public schema
-- (the contract's, ours, and any other that may hold a foreign key to them), but not Flyway's history.
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND c.relname <> 'flyway_schema_history'
ORDER BY c.relname
