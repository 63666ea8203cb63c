INSERT INTO recipient_bounces (id, list_recipient_id, campaign_id, kind, reason, bounced_at)
VALUES (:id, :parent, :campaign, :kind, :reason, clock_timestamp())
