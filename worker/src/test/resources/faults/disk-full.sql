-- The target's disk full, as far as a shard can tell: every statement that writes recipients (a
-- shard's COPY) fails with 53100 and the server's own words, while smaller writes elsewhere (the
-- ledger, the heartbeat) still go through, as they often do on a full disk.
CREATE OR REPLACE FUNCTION public.faults_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'could not extend file "base/16384/16385": No space left on device'
        USING ERRCODE = 'disk_full', HINT = 'Check free disk space.';
END $$;
DROP TRIGGER IF EXISTS faults_disk_full ON recipients;
CREATE TRIGGER faults_disk_full BEFORE INSERT ON recipients
    FOR EACH STATEMENT EXECUTE FUNCTION public.faults_disk_full();
