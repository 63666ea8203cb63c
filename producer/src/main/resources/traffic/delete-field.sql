DELETE FROM list_recipient_fields
WHERE id = (SELECT id FROM list_recipient_fields WHERE list_recipient_id = :parent ORDER BY id LIMIT 1)
