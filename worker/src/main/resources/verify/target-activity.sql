-- Activities under the shard's recipients. A row filed under another company shows as missing here.
-- A join on the ids, not recipient_id = ANY(?): activity has no recipient index, and ANY over an
-- array parameter is searched linearly for each of the company's rows (3 s instead of 90 ms for a
-- company of 180,000 activities and 21,000 recipients).
SELECT a.id, a.recipient_id, a.company_id, a.list_id, a.kind, a.campaign_id, a.occurred_at, a.detail::text
FROM recipient_activity a
JOIN unnest(CAST(? AS uuid[])) AS ids(id) ON a.recipient_id = ids.id
WHERE a.company_id = ?
