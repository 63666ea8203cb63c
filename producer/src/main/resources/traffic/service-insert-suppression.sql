INSERT INTO suppressions (company_id, email, reason, created_at, shard_bucket)
VALUES (:company, :email, :reason, clock_timestamp(), :bucket)
ON CONFLICT DO NOTHING
