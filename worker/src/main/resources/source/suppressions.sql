-- A shard's suppressions: the company's rows whose email bucket is in [bucketLo, bucketHi] (see list-recipients.sql).
SELECT id, company_id, email, reason, created_at
FROM suppressions
WHERE company_id = ?
  AND coalesce(('x' || substr(md5(translate(btrim(email, E' \t\n\x0B\f\r'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')), 1, 3))::bit(12)::int, 0) BETWEEN ? AND ?
