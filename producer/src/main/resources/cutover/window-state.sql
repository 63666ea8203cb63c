UPDATE migration.switch_windows SET state = :state, state_reason = :reason, updated_at = now()
WHERE company_id = :companyId AND state = 'scheduled'
