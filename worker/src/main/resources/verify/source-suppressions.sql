SELECT id, company_id, email, reason, created_at FROM suppressions WHERE company_id = ?
