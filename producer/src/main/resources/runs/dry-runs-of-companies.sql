-- Every dry run that has a task of one of the companies, newest first.
SELECT r.run_id, r.mode, r.selection, r.created_at, r.policy::text AS policy, r.skip_readiness,
       r.readiness_overrides::text AS readiness_overrides, r.source_fingerprint, r.target_fingerprint,
       r.source_schema::text AS source_schema, r.target_schema::text AS target_schema
FROM migration.runs r
WHERE r.mode = 'dry-run'
  AND EXISTS (SELECT 1 FROM migration.tasks t WHERE t.run_id = r.run_id AND t.company_id = ANY(:companyIds))
ORDER BY r.created_at DESC, r.run_id DESC
