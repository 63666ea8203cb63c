-- Rows of the six child tables whose list_recipient_id has no list_recipients row: they belong to
-- no company (R10), so no company's task reads them; a dry run over all companies counts them.
SELECT 'list_recipient_fields' AS source_table, c.id FROM list_recipient_fields c
WHERE NOT EXISTS (SELECT 1 FROM list_recipients p WHERE p.id = c.list_recipient_id)
UNION ALL
SELECT 'recipient_tags', c.id FROM recipient_tags c
WHERE NOT EXISTS (SELECT 1 FROM list_recipients p WHERE p.id = c.list_recipient_id)
UNION ALL
SELECT 'recipient_opens', c.id FROM recipient_opens c
WHERE NOT EXISTS (SELECT 1 FROM list_recipients p WHERE p.id = c.list_recipient_id)
UNION ALL
SELECT 'recipient_clicks', c.id FROM recipient_clicks c
WHERE NOT EXISTS (SELECT 1 FROM list_recipients p WHERE p.id = c.list_recipient_id)
UNION ALL
SELECT 'recipient_bounces', c.id FROM recipient_bounces c
WHERE NOT EXISTS (SELECT 1 FROM list_recipients p WHERE p.id = c.list_recipient_id)
UNION ALL
SELECT 'recipient_unsubscribes', c.id FROM recipient_unsubscribes c
WHERE NOT EXISTS (SELECT 1 FROM list_recipients p WHERE p.id = c.list_recipient_id)
