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
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR UPDATE OR DELETE ON lead
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();

CREATE FUNCTION recount_day_rollups(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1146245699, p_tenant::integer);
  PERFORM rebuild_day_rollups(p_tenant);
END $$;
