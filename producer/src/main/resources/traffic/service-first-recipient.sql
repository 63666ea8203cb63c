SELECT id FROM recipients WHERE company_id = :company ORDER BY id LIMIT 1
