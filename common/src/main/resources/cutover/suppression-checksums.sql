-- Per email bucket of a company: its suppressions, as a count and a sum of 64-bit row hashes.
SELECT ${bucket} AS bucket, count(*) AS rows, sum(hashtextextended(s::text, 0))::text AS hash
FROM suppressions s
WHERE company_id = ${company} ${bucketFilter}
GROUP BY 1
