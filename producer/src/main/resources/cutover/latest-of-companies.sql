-- Per company, its latest cutover (by its run's creation), whatever its state.
SELECT DISTINCT ON (c.company_id) c.run_id, c.company_id, c.state, c.passes, c.rows_recopied, c.next_shard,
       c.policy::text AS policy, c.freeze_started_at, c.frozen_at, c.unfrozen_at, c.switch_started_at, c.switched_at,
       c.freeze_window_ms, c.final_delta_rows, c.verification::text AS verification, c.reason, c.rolled_back_at,
       c.rollback_report::text AS rollback_report, r.created_at AS run_created_at
FROM migration.cutovers c
JOIN migration.runs r ON r.run_id = c.run_id
WHERE c.company_id = ANY(:companyIds)
ORDER BY c.company_id, r.created_at DESC, c.run_id DESC
