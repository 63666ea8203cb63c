COPY recipients (id, company_id, email, first_name, last_name, phone, created_at, updated_at, shard_bucket) FROM STDIN
