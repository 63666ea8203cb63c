INSERT INTO list_recipient_fields (id, list_recipient_id, name, value) VALUES (:id, :parent, :name, :value)
