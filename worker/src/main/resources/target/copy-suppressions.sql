COPY suppressions (company_id, email, reason, created_at, shard_bucket) FROM STDIN
