-- The verification of a company's final rows: per target table, summed over its verify tasks.
SELECT target_table, sum(expected_rows) AS expected_rows, sum(actual_rows) AS actual_rows,
       sum(missing) AS missing, sum(unexpected) AS unexpected, sum(changed) AS changed,
       bool_and(expected_checksum = actual_checksum) AS checksums_agree,
       jsonb_agg(sample) FILTER (WHERE sample IS NOT NULL AND sample <> '[]'::jsonb)::text AS samples
FROM migration.verify_results
WHERE run_id = :runId AND company_id = :companyId AND shard = ANY(:shards)
GROUP BY target_table
ORDER BY target_table
