-- A shard's suppressions: the company's rows whose email bucket is in [bucketLo, bucketHi] (see list-recipients.sql).
SELECT id, company_id, email, reason, created_at
FROM suppressions
WHERE company_id = ?
  AND int4range(?, ?, '[]') @> coalesce(('x' || left(md5(lower(btrim(email, E' \t\n\x0B\f\r') COLLATE "C")), 3))::bit(12)::int, 0)
