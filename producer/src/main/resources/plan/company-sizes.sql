-- How many source rows each task group of each selected company will read: the recipients group
-- reads list_recipients and every child row under them. Companies without rows come back with zeros.
WITH selected AS (
    SELECT id FROM companies WHERE id = ANY(:companyIds)
), parents AS (
    SELECT lr.id, lr.company_id FROM list_recipients lr JOIN selected s ON s.id = lr.company_id
), children AS (
    SELECT list_recipient_id FROM list_recipient_fields
    UNION ALL SELECT list_recipient_id FROM recipient_tags
    UNION ALL SELECT list_recipient_id FROM recipient_opens
    UNION ALL SELECT list_recipient_id FROM recipient_clicks
    UNION ALL SELECT list_recipient_id FROM recipient_bounces
    UNION ALL SELECT list_recipient_id FROM recipient_unsubscribes
), child_counts AS (
    SELECT p.company_id, count(*) AS n FROM children c JOIN parents p ON p.id = c.list_recipient_id
    GROUP BY p.company_id
), parent_counts AS (
    SELECT company_id, count(*) AS n FROM parents GROUP BY company_id
), list_counts AS (
    SELECT l.company_id, count(*) AS n FROM lists l JOIN selected s ON s.id = l.company_id GROUP BY l.company_id
), suppression_counts AS (
    SELECT su.company_id, count(*) AS n FROM suppressions su JOIN selected s ON s.id = su.company_id
    GROUP BY su.company_id
)
SELECT s.id AS company_id,
       coalesce(lc.n, 0) AS list_rows,
       coalesce(pc.n, 0) + coalesce(cc.n, 0) AS recipient_rows,
       coalesce(sc.n, 0) AS suppression_rows
FROM selected s
LEFT JOIN list_counts lc ON lc.company_id = s.id
LEFT JOIN parent_counts pc ON pc.company_id = s.id
LEFT JOIN child_counts cc ON cc.company_id = s.id
LEFT JOIN suppression_counts sc ON sc.company_id = s.id
ORDER BY s.id
