-- Transactions on the source that began before :before and are still open, the fleet's own
-- read-only sessions left out (they never write): what the freeze must wait for before the final delta.
SELECT count(*) AS open, min(xact_start) AS oldest
FROM pg_stat_activity
WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
  AND xact_start < :before AND coalesce(application_name, '') NOT LIKE 'migration-fleet-reader-%'
