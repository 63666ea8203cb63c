SELECT run_id, company_id, state, passes, rows_recopied, next_shard, policy::text AS policy,
       freeze_started_at, frozen_at, unfrozen_at, switch_started_at, switched_at, freeze_window_ms,
       final_delta_rows, verification::text AS verification, reason, rolled_back_at, rollback_report::text AS rollback_report
FROM migration.cutovers
WHERE run_id = :runId
ORDER BY company_id
