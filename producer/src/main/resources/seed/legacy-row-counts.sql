-- The row count of every legacy table that exists (parameter 1: text[] of table names), so that
-- seed can refuse a source that already holds data. query_to_xml runs one count(*) per table
-- without building SQL text in Java.
SELECT t.name,
       (xpath('/row/n/text()',
              query_to_xml(format('SELECT count(*) AS n FROM %I', t.name), false, true, '')))[1]::text::bigint
FROM unnest(?::text[]) WITH ORDINALITY AS t(name, ord)
WHERE to_regclass(format('%I', t.name)) IS NOT NULL
ORDER BY t.ord;
