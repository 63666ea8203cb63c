SELECT id, list_recipient_id, campaign_id, opened_at, user_agent FROM recipient_opens WHERE list_recipient_id = ANY(?)
