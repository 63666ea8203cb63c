-- Appended to base.sql (see there). R6: one row per recipient and list it has accepted rows on.
SELECT recipient_id, list_id, company_id, status, source, joined_at, updated_at FROM exp_recipient_lists
