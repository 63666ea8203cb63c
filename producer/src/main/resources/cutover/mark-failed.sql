-- The company stays on the legacy tables; unfrozen_at says the unfreeze hook succeeded.
UPDATE migration.cutovers
SET state = 'failed', reason = :reason, verification = coalesce(CAST(:verification AS jsonb), verification),
    unfrozen_at = CASE WHEN :unfrozen THEN clock_timestamp() ELSE unfrozen_at END, updated_at = clock_timestamp()
WHERE run_id = :runId AND company_id = :companyId
