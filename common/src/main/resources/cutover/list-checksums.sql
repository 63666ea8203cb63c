-- A company's lists, deleted ones included, as one count and hash sum (filed under bucket 0).
SELECT 0 AS bucket, count(*) AS rows, coalesce(sum(hashtextextended(l::text, 0)), 0)::text AS hash
FROM lists l
WHERE company_id = ${company}
HAVING count(*) > 0
