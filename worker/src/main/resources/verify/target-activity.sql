-- Activities under the shard's recipients. A row filed under another company shows as missing here.
SELECT id, recipient_id, company_id, list_id, kind, campaign_id, occurred_at, detail::text
FROM recipient_activity WHERE company_id = ? AND recipient_id = ANY(?)
