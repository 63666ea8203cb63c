SELECT recipient_id, list_id, company_id, status, source, joined_at, updated_at FROM recipient_lists WHERE company_id = ? AND recipient_id = ANY(?)
