UPDATE list_recipients SET email = :email, updated_at = clock_timestamp()
WHERE id = :id AND company_id = :company
