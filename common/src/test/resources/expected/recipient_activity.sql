-- Appended to base.sql (see there). R9: one row per event row under an accepted list_recipients row.
SELECT id, recipient_id, company_id, list_id, kind, campaign_id, occurred_at, detail FROM exp_recipient_activity
