SELECT id, list_recipient_id, name, value FROM list_recipient_fields WHERE list_recipient_id = ANY(?)
