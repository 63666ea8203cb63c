SELECT id, list_recipient_id, campaign_id, clicked_at, url FROM recipient_clicks WHERE list_recipient_id = ANY(?)
