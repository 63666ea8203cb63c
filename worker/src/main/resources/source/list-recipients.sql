-- A shard's list_recipients rows: the company's rows in the shard's buckets (${bucketFilter} is
-- bucket-filter.sql, or nothing when the shard covers every bucket).
SELECT id, company_id, list_id, email, first_name, last_name, phone, status, source, created_at, updated_at
FROM list_recipients
WHERE company_id = ${company} ${bucketFilter}
