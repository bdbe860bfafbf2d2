-- Recounting a workspace's day rollups when its time zone changes must not run beside writes that move them
-- (a deal closed meanwhile would be counted twice, or collide with the recount's rows). Every statement that
-- writes deals, stage changes or leads takes a shared lock on its workspace; the recount takes it alone, so it
-- waits for the writes under way and holds new ones back until it commits. Other workspaces are not held up.
-- The lock's first key names this use (0x44525243, "DRRC"); the second is the workspace.
CREATE FUNCTION day_rollups_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(1146245699, nullif(current_setting('app.tenant_id', true), '')::integer);
  RETURN NULL;
END $$;

CREATE TRIGGER day_rollups_writer BEFORE INSERT OR UPDATE OR DELETE ON opportunity
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR UPDATE OR DELETE ON stage_change
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();
-- Leads are updated often without touching what the cohorts count (scores, notes): their updates take the lock
-- only when a counted column changes, in the row trigger that moves the counts.
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR DELETE ON lead
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();

CREATE OR REPLACE FUNCTION lead_cohort_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lead_cohort_add(OLD, -1);
    RETURN OLD;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(1146245699, NEW.tenant_id::integer);
  IF (OLD.created_at, coalesce(OLD.owner_id, 0), coalesce(OLD.team_id, 0), coalesce(OLD.source, ''))
     <= (NEW.created_at, coalesce(NEW.owner_id, 0), coalesce(NEW.team_id, 0), coalesce(NEW.source, '')) THEN
    PERFORM lead_cohort_add(OLD, -1);
    PERFORM lead_cohort_add(NEW, 1);
  ELSE
    PERFORM lead_cohort_add(NEW, 1);
    PERFORM lead_cohort_add(OLD, -1);
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION recount_day_rollups(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1146245699, p_tenant::integer);
  PERFORM rebuild_day_rollups(p_tenant);
END $$;
