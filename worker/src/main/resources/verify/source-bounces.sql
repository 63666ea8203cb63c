SELECT id, list_recipient_id, campaign_id, bounced_at, kind, reason FROM recipient_bounces WHERE list_recipient_id = ANY(?)
