SELECT recipient_id, company_id, tag FROM recipient_tags WHERE company_id = ? AND recipient_id = ANY(?)
