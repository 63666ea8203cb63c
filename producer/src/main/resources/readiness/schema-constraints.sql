-- Primary key, unique, foreign key, check and exclusion constraints of the named tables, with their
-- definitions. NOT NULL constraints (catalogued from PostgreSQL 18 on) are the columns' nullability.
SELECT c.relname AS table_name, k.conname AS name, pg_get_constraintdef(k.oid, true) AS definition
FROM unnest(CAST(:tables AS text[])) AS wanted(name)
JOIN pg_class c ON c.oid = to_regclass(wanted.name)
JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype <> 'n'
ORDER BY 1, 2
