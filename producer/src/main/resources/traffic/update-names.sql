UPDATE list_recipients SET first_name = :first, last_name = :last, updated_at = clock_timestamp()
WHERE id = :id AND company_id = :company
