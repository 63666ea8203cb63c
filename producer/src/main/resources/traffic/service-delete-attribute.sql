DELETE FROM recipient_attributes
WHERE recipient_id = :recipient AND company_id = :company AND name = (SELECT min(name) FROM recipient_attributes WHERE recipient_id = :recipient)
