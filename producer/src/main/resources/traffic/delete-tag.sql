DELETE FROM recipient_tags
WHERE id = (SELECT id FROM recipient_tags WHERE list_recipient_id = :parent ORDER BY id LIMIT 1)
