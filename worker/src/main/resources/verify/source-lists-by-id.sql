SELECT id, company_id, name, created_at, deleted_at FROM lists WHERE id = ANY(?)
