-- Appended to base.sql (see there). R2/R5: one row per (company, normalized email) of accepted list_recipients rows.
SELECT id, company_id, email, first_name, last_name, phone, created_at, updated_at FROM exp_recipients
