-- A verify run's results, one row per task and target table.
SELECT company_id, target_table, expected_rows, actual_rows, expected_checksum, actual_checksum,
       missing, unexpected, changed, sample::text AS sample
FROM migration.verify_results
WHERE run_id = :runId AND company_id = ANY(:companyIds)
ORDER BY company_id, target_table, task_group, shard
