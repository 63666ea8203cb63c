INSERT INTO migration.verify_results (run_id, company_id, task_group, shard, target_table, expected_rows,
    actual_rows, expected_checksum, actual_checksum, missing, unexpected, changed, sample)
VALUES (:runId, :companyId, :group, :shard, :table, :expectedRows, :actualRows, :expectedChecksum, :actualChecksum,
    :missing, :unexpected, :changed, CAST(:sample AS jsonb))
