SELECT id, list_recipient_id, tag FROM recipient_tags WHERE list_recipient_id = ANY(?)
