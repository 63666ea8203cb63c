-- R10: fields, tags and events whose list_recipient_id does not exist belong to no company; a dry
-- run over all companies reports how many each table has (reason orphan_recipient). Standalone
-- (not appended to base.sql), no parameter.
SELECT t.source_table, count(x.id) AS orphans
FROM (VALUES ('list_recipient_fields'), ('recipient_tags'), ('recipient_opens'), ('recipient_clicks'),
             ('recipient_bounces'), ('recipient_unsubscribes')) AS t(source_table)
LEFT JOIN (
    SELECT 'list_recipient_fields' AS source_table, c.id, c.list_recipient_id FROM list_recipient_fields c
    UNION ALL SELECT 'recipient_tags', c.id, c.list_recipient_id FROM recipient_tags c
    UNION ALL SELECT 'recipient_opens', c.id, c.list_recipient_id FROM recipient_opens c
    UNION ALL SELECT 'recipient_clicks', c.id, c.list_recipient_id FROM recipient_clicks c
    UNION ALL SELECT 'recipient_bounces', c.id, c.list_recipient_id FROM recipient_bounces c
    UNION ALL SELECT 'recipient_unsubscribes', c.id, c.list_recipient_id FROM recipient_unsubscribes c
) x ON x.source_table = t.source_table
   AND NOT EXISTS (SELECT 1 FROM list_recipients r WHERE r.id = x.list_recipient_id)
GROUP BY t.source_table
ORDER BY t.source_table
