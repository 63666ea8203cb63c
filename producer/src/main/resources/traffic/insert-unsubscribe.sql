INSERT INTO recipient_unsubscribes (id, list_recipient_id, campaign_id, reason, unsubscribed_at)
VALUES (:id, :parent, :campaign, :reason, clock_timestamp())
