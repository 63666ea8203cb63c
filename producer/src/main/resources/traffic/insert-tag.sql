INSERT INTO recipient_tags (id, list_recipient_id, tag) VALUES (:id, :parent, :tag)
