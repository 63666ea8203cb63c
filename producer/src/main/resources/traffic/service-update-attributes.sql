UPDATE recipient_attributes SET value = :value WHERE recipient_id = :recipient
