-- The funnel's MQL and SQL milestones are stamped by the database, so that every way a lead changes
-- (the lead page, the API, scoring, a bulk CSV import) records them alike, and each is set only once.
-- A lead is an MQL once its type says so or marketing hands it off; an SQL once sales accepts it or
-- its type says so.
CREATE OR REPLACE FUNCTION lead_funnel_stamps() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moment timestamptz;
BEGIN
  IF TG_OP = 'INSERT' THEN
    moment := coalesce(NEW.created_at, now());
  ELSIF NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
    moment := NEW.updated_at;
  ELSE
    moment := now();
  END IF;
  IF NEW.mql_at IS NULL AND (NEW.type IN ('MQL', 'SQL') OR NEW.status = 'HANDED_OFF') THEN
    NEW.mql_at := moment;
  END IF;
  IF NEW.sql_at IS NULL AND (NEW.type = 'SQL' OR NEW.status = 'ACCEPTED') THEN
    NEW.sql_at := moment;
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS lead_funnel_stamps ON lead;
CREATE TRIGGER lead_funnel_stamps BEFORE INSERT OR UPDATE OF type, status ON lead
  FOR EACH ROW EXECUTE FUNCTION lead_funnel_stamps();
