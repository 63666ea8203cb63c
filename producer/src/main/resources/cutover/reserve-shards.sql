-- Hands out :count shard numbers for a pass's tasks and counts the pass; returns the first.
UPDATE migration.cutovers
SET next_shard = next_shard + :count, passes = passes + :passes, rows_recopied = rows_recopied + :rows,
    updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
RETURNING next_shard - :count
