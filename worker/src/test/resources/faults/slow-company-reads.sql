-- A brake on one company's rows of the test's own source, for the worker alone: list_recipients
-- becomes a view over its rows that sleeps on each row of that company when the session is a
-- worker's source pool (application_name 'migration-fleet-reader-source'), so its shards' reads outlast any short
-- statement timeout while every other read, the producer's and the test's, goes at full speed.
ALTER TABLE list_recipients RENAME TO faults_list_recipients;
CREATE OR REPLACE FUNCTION public.faults_slow_row(company bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF company = %1$d AND current_setting('application_name') = 'migration-fleet-reader-source' THEN
        PERFORM pg_sleep(%2$s);
    END IF;
    RETURN true;
END $$;
CREATE VIEW list_recipients AS
    SELECT * FROM faults_list_recipients WHERE company_id <> %1$d OR public.faults_slow_row(company_id);
