-- A shard's list_recipients rows: the company's rows whose email bucket is in [bucketLo, bucketHi].
-- The bucket is the first 12 bits of md5(lower(trim(email))) with MIGRATION.md's trim and lower
-- (six ASCII white-space characters; lower under the C collation maps A-Z only, and is ~6x faster
-- than translate()), the same function as io.migration.common.shard.Buckets. The range test
-- evaluates the hash once per row (BETWEEN would evaluate it twice).
SELECT id, company_id, list_id, email, first_name, last_name, phone, status, source, created_at, updated_at
FROM list_recipients
WHERE company_id = ?
  AND int4range(?, ?, '[]') @> coalesce(('x' || left(md5(lower(btrim(email, E' \t\n\x0B\f\r') COLLATE "C")), 3))::bit(12)::int, 0)
