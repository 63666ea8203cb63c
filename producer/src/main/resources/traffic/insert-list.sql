INSERT INTO lists (id, company_id, name, created_at, deleted_at) VALUES (:id, :company, :name, clock_timestamp(), NULL)
