-- The recipient joins one of the company's lists.
INSERT INTO recipient_lists (recipient_id, list_id, company_id, status, source, joined_at, updated_at)
SELECT :recipient, l.id, :company, 'subscribed', 'api', clock_timestamp(), clock_timestamp()
FROM lists l
WHERE l.company_id = :company
ORDER BY random()
LIMIT 1
ON CONFLICT DO NOTHING
