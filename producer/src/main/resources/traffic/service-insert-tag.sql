INSERT INTO recipient_tags (recipient_id, company_id, tag) VALUES (:recipient, :company, :tag)
ON CONFLICT DO NOTHING
