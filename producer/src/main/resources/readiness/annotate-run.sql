-- What enqueue records with a run, in the run's own transaction (RunAdmission).
UPDATE migration.runs
SET policy              = CAST(:policy AS jsonb),
    source_schema       = CAST(:sourceSchema AS jsonb),
    source_fingerprint  = :sourceFingerprint,
    target_schema       = CAST(:targetSchema AS jsonb),
    target_fingerprint  = :targetFingerprint,
    skip_readiness      = :skipReadiness,
    readiness_overrides = CAST(:overrides AS jsonb)
WHERE run_id = :runId
