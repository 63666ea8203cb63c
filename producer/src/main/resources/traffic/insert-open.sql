INSERT INTO recipient_opens (id, list_recipient_id, campaign_id, opened_at, user_agent)
VALUES (:id, :parent, :campaign, clock_timestamp(), :userAgent)
