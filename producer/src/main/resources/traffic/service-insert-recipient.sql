-- The new service's writes to the target tables (a switched company). A new recipient:
INSERT INTO recipients (id, company_id, email, first_name, last_name, phone, created_at, updated_at, shard_bucket)
VALUES (:id, :company, :email, :first, :last, :phone, clock_timestamp(), clock_timestamp(), :bucket)
ON CONFLICT DO NOTHING
