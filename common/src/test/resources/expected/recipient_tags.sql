-- Appended to base.sql (see there). R8: one row per recipient and distinct normalized tag.
SELECT recipient_id, company_id, tag FROM exp_recipient_tags
