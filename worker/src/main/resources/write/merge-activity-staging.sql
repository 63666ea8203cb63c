-- The slow path, taken only when an activity id is still held by another shard's recipient
-- (its parent row's email changed in the source): the row moves here.
INSERT INTO recipient_activity (id, recipient_id, company_id, list_id, kind, campaign_id, occurred_at, detail)
SELECT id, recipient_id, company_id, list_id, kind, campaign_id, occurred_at, detail FROM activity_staging
ON CONFLICT (id) DO UPDATE SET recipient_id = EXCLUDED.recipient_id, company_id = EXCLUDED.company_id,
    list_id = EXCLUDED.list_id, kind = EXCLUDED.kind, campaign_id = EXCLUDED.campaign_id,
    occurred_at = EXCLUDED.occurred_at, detail = EXCLUDED.detail
