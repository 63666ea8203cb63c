UPDATE recipient_lists SET status = :status, updated_at = clock_timestamp() WHERE recipient_id = :recipient
