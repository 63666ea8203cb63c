-- A shard's list_recipients rows: the company's rows whose email bucket is in [bucketLo, bucketHi].
-- The bucket is the first 12 bits of md5(lower(trim(email))) with MIGRATION.md's trim and lower
-- (six ASCII white-space characters; A-Z only), the same function as io.migration.common.shard.Buckets.
SELECT id, company_id, list_id, email, first_name, last_name, phone, status, source, created_at, updated_at
FROM list_recipients
WHERE company_id = ?
  AND coalesce(('x' || substr(md5(translate(btrim(email, E' \t\n\x0B\f\r'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')), 1, 3))::bit(12)::int, 0) BETWEEN ? AND ?
