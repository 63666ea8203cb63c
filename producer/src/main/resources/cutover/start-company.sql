-- A company joins a cutover run (a repeated cutover --run-id finds it there and goes on from its state).
INSERT INTO migration.cutovers (run_id, company_id, policy) VALUES (:runId, :companyId, CAST(:policy AS jsonb))
ON CONFLICT (run_id, company_id) DO NOTHING
