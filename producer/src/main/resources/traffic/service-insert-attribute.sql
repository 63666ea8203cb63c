INSERT INTO recipient_attributes (recipient_id, company_id, name, value) VALUES (:recipient, :company, :name, :value)
ON CONFLICT DO NOTHING
