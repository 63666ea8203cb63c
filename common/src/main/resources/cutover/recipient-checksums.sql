-- Per email bucket of a company: its list_recipients rows and their children, as a count and a sum of
-- 64-bit hashes of each row's text (order-independent, so two reads of the same rows agree however the
-- server orders them). A row's list (its company, whether it is deleted) is part of the row's hash: a
-- new, moved or deleted list changes which rows R3 accepts. Children follow their parent's bucket
-- (R10); a deleted parent takes its children's hashes out of the bucket with it. The caller sets
-- TimeZone to UTC first, so that timestamps print alike in every session.
WITH parents AS MATERIALIZED (
    SELECT r.id, ${bucket} AS bucket,
           hashtextextended(r::text || CASE WHEN l.id IS NULL OR l.company_id <> r.company_id THEN 'o'
                                            WHEN l.deleted_at IS NOT NULL THEN 'd' ELSE 'l' END, 0) AS h
    FROM list_recipients r
    LEFT JOIN lists l ON l.id = r.list_id
    WHERE r.company_id = ${company} ${bucketFilter}
)
SELECT bucket, count(*) AS rows, sum(h)::text AS hash
FROM (
    SELECT bucket, h FROM parents
    UNION ALL
    SELECT p.bucket, hashtextextended('f' || c::text, 0) FROM list_recipient_fields c JOIN parents p ON p.id = c.list_recipient_id
    UNION ALL
    SELECT p.bucket, hashtextextended('t' || c::text, 0) FROM recipient_tags c JOIN parents p ON p.id = c.list_recipient_id
    UNION ALL
    SELECT p.bucket, hashtextextended('o' || c::text, 0) FROM recipient_opens c JOIN parents p ON p.id = c.list_recipient_id
    UNION ALL
    SELECT p.bucket, hashtextextended('c' || c::text, 0) FROM recipient_clicks c JOIN parents p ON p.id = c.list_recipient_id
    UNION ALL
    SELECT p.bucket, hashtextextended('b' || c::text, 0) FROM recipient_bounces c JOIN parents p ON p.id = c.list_recipient_id
    UNION ALL
    SELECT p.bucket, hashtextextended('u' || c::text, 0) FROM recipient_unsubscribes c JOIN parents p ON p.id = c.list_recipient_id
) rows_of_buckets
GROUP BY bucket
