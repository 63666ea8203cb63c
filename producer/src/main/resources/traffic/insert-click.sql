INSERT INTO recipient_clicks (id, list_recipient_id, campaign_id, url, clicked_at)
VALUES (:id, :parent, :campaign, :url, clock_timestamp())
