SELECT run_id, mode, selection, created_at, policy::text AS policy, skip_readiness,
       readiness_overrides::text AS readiness_overrides, source_fingerprint, target_fingerprint,
       source_schema::text AS source_schema, target_schema::text AS target_schema
FROM migration.runs
WHERE run_id = :runId
