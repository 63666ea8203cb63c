-- The company's recipients as the target holds them; verify keeps its shard's by email bucket.
SELECT id, company_id, email, first_name, last_name, phone, created_at, updated_at FROM recipients WHERE company_id = ?
