-- Upsert, not insert: a list the source moved from another company may still be in the target under it.
INSERT INTO lists (id, company_id, name, created_at) VALUES (?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, name = EXCLUDED.name, created_at = EXCLUDED.created_at
