-- User triggers of the named tables: a dry run writes the target rows so that they fire, and a
-- changed trigger (its definition, whether it is enabled, or its function's body) can fail a real run.
SELECT c.relname AS table_name,
       tg.tgname AS name,
       pg_get_triggerdef(tg.oid, true)
           || CASE WHEN tg.tgenabled = 'D' THEN ' (disabled)' ELSE '' END
           || ' [function ' || p.proname || ' body md5 ' || md5(p.prosrc) || ']' AS definition
FROM unnest(CAST(:tables AS text[])) AS wanted(name)
JOIN pg_class c ON c.oid = to_regclass(wanted.name)
JOIN pg_trigger tg ON tg.tgrelid = c.oid AND NOT tg.tgisinternal
JOIN pg_proc p ON p.oid = tg.tgfoid
ORDER BY 1, 2
