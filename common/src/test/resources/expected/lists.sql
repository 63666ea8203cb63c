-- Appended to base.sql (see there). R3: the selected companies' lists that are not deleted.
SELECT id, company_id, name, created_at FROM exp_lists
