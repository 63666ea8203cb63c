UPDATE recipients SET first_name = :first, updated_at = clock_timestamp() WHERE id = :recipient
