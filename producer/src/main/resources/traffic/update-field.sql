-- Edits one field of a row: its value, sometimes its name's spelling.
UPDATE list_recipient_fields SET value = :value, name = coalesce(CAST(:name AS text), name)
WHERE id = (SELECT id FROM list_recipient_fields WHERE list_recipient_id = :parent ORDER BY id DESC LIMIT 1)
