SELECT recipient_id, company_id, name, value FROM recipient_attributes WHERE company_id = ? AND recipient_id = ANY(?)
