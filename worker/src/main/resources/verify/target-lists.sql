SELECT id, company_id, name, created_at FROM lists WHERE company_id = ?
