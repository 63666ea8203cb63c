-- A brake on the test's own target: every statement that writes recipients (a shard's COPY)
-- sleeps a moment, so a small run lasts long enough for a fault to land in its middle.
CREATE OR REPLACE FUNCTION public.faults_slow_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_sleep(%s);
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS faults_slow_write ON recipients;
CREATE TRIGGER faults_slow_write AFTER INSERT ON recipients
    FOR EACH STATEMENT EXECUTE FUNCTION public.faults_slow_write();
