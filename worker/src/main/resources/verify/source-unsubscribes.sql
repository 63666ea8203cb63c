SELECT id, list_recipient_id, campaign_id, unsubscribed_at, reason FROM recipient_unsubscribes WHERE list_recipient_id = ANY(?)
