-- Every legacy table's rows in the same snapshot: what R12's accounting closes over.
SELECT 'companies' AS source_table, count(*) FROM companies
UNION ALL SELECT 'lists', count(*) FROM lists
UNION ALL SELECT 'list_recipients', count(*) FROM list_recipients
UNION ALL SELECT 'list_recipient_fields', count(*) FROM list_recipient_fields
UNION ALL SELECT 'recipient_tags', count(*) FROM recipient_tags
UNION ALL SELECT 'recipient_opens', count(*) FROM recipient_opens
UNION ALL SELECT 'recipient_clicks', count(*) FROM recipient_clicks
UNION ALL SELECT 'recipient_bounces', count(*) FROM recipient_bounces
UNION ALL SELECT 'recipient_unsubscribes', count(*) FROM recipient_unsubscribes
UNION ALL SELECT 'suppressions', count(*) FROM suppressions
