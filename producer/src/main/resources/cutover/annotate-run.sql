-- What a cutover run was admitted on: the schemas it saw, and the operator's overrides.
UPDATE migration.runs
SET source_schema = CAST(:sourceSchema AS jsonb), source_fingerprint = :sourceFingerprint,
    target_schema = CAST(:targetSchema AS jsonb), target_fingerprint = :targetFingerprint,
    skip_readiness = :skipReadiness, unscheduled = :unscheduled, readiness_overrides = CAST(:overrides AS jsonb)
WHERE run_id = :runId
