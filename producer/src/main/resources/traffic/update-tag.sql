UPDATE recipient_tags SET tag = :tag
WHERE id = (SELECT id FROM recipient_tags WHERE list_recipient_id = :parent ORDER BY id DESC LIMIT 1)
