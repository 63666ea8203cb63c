-- A deterministic failure on the test's own target: every write of a list of the given companies
-- raises (P0001), with row data in the message, which no dead letter may repeat.
CREATE OR REPLACE FUNCTION public.faults_refuse_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.company_id IN (%s) THEN
        RAISE EXCEPTION 'faults test refuses list %% named %%', NEW.id, NEW.name;
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS faults_refuse_lists ON lists;
CREATE TRIGGER faults_refuse_lists BEFORE INSERT OR UPDATE ON lists
    FOR EACH ROW EXECUTE FUNCTION public.faults_refuse_lists();
