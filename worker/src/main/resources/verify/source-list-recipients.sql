-- Every list_recipients row of the company: verify picks its shard's rows by their email bucket in
-- Java, so it shares no query with the migration it checks.
SELECT id, company_id, list_id, email, first_name, last_name, phone, status, source, created_at, updated_at
FROM list_recipients WHERE company_id = ?
