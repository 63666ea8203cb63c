-- An open on the recipient's first list (none when it is on no list).
INSERT INTO recipient_activity (id, recipient_id, company_id, list_id, kind, campaign_id, occurred_at, detail)
SELECT :id, :recipient, :company, rl.list_id, 'open', :campaign, clock_timestamp(), CAST(:detail AS jsonb)
FROM recipient_lists rl
WHERE rl.recipient_id = :recipient
ORDER BY rl.list_id
LIMIT 1
ON CONFLICT DO NOTHING
