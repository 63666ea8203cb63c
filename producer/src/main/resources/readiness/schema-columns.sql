-- The columns of the named tables (resolved like the workers' queries: through the search path, or
-- schema-qualified; a table that does not exist gives no row). The type carries its modifier
-- (character varying(320), numeric(10,2)) and any collation other than the type's default.
SELECT c.relname AS table_name,
       a.attname AS column_name,
       format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attcollation <> t.typcollation THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END
           AS data_type,
       NOT a.attnotnull AS nullable
FROM unnest(CAST(:tables AS text[])) AS wanted(name)
JOIN pg_class c ON c.oid = to_regclass(wanted.name)
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_collation co ON co.oid = a.attcollation
ORDER BY 1, 2
