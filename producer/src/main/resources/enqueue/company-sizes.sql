-- How many source rows each selected company's task groups will read, for cutting tasks and showing
-- progress: lists, list_recipients and suppressions counted through their company index; the
-- children of list_recipients estimated from the tables' statistics (children per row, over the
-- whole source) rather than counted, which would read every child row once more per enqueue.
-- Companies without rows come back with zeros.
WITH selected AS (
    SELECT id FROM companies WHERE id = ANY(:companyIds)
), stats AS (
    SELECT greatest(c.reltuples, 0) AS n, c.oid = to_regclass('list_recipients') AS parent
    FROM pg_class c
    WHERE c.oid IN (to_regclass('list_recipients'), to_regclass('list_recipient_fields'), to_regclass('recipient_tags'),
                    to_regclass('recipient_opens'), to_regclass('recipient_clicks'), to_regclass('recipient_bounces'),
                    to_regclass('recipient_unsubscribes'))
), ratio AS (
    -- Never analyzed (reltuples -1, so 0 here): assume a few children per row.
    SELECT coalesce(sum(n) FILTER (WHERE NOT parent) / nullif(sum(n) FILTER (WHERE parent), 0), 4.0) AS children_per_row
    FROM stats
), parent_counts AS (
    SELECT company_id, count(*) AS n FROM list_recipients WHERE company_id = ANY(:companyIds) GROUP BY company_id
), list_counts AS (
    SELECT company_id, count(*) AS n FROM lists WHERE company_id = ANY(:companyIds) GROUP BY company_id
), suppression_counts AS (
    SELECT company_id, count(*) AS n FROM suppressions WHERE company_id = ANY(:companyIds) GROUP BY company_id
)
SELECT s.id AS company_id,
       coalesce(lc.n, 0) AS list_rows,
       coalesce(pc.n, 0) + round(coalesce(pc.n, 0) * (SELECT children_per_row FROM ratio))::bigint AS recipient_rows,
       coalesce(sc.n, 0) AS suppression_rows
FROM selected s
LEFT JOIN list_counts lc ON lc.company_id = s.id
LEFT JOIN parent_counts pc ON pc.company_id = s.id
LEFT JOIN suppression_counts sc ON sc.company_id = s.id
ORDER BY s.id
