-- Appended to base.sql (see there). R11: one row per (company, normalized valid email), from the earliest row.
SELECT company_id, email, reason, created_at FROM exp_suppressions
