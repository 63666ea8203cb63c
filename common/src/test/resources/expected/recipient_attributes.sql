-- Appended to base.sql (see there). R7: one row per recipient and normalized field name.
SELECT recipient_id, company_id, name, value FROM exp_recipient_attributes
