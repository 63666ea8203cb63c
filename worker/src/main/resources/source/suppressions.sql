-- A shard's suppressions: the company's rows in the shard's buckets (see list-recipients.sql).
SELECT id, company_id, email, reason, created_at
FROM suppressions
WHERE company_id = ${company} ${bucketFilter}
