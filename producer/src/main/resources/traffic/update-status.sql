UPDATE list_recipients SET status = :status, updated_at = clock_timestamp()
WHERE id = :id AND company_id = :company
