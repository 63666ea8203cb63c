-- Appended to base.sql (see there). R3-R11: every source row of the selected companies that does not contribute, with its one reason (migration_rejects).
SELECT company_id, source_table, source_id, reason FROM exp_rejects
