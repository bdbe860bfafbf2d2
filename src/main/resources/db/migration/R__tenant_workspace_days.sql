-- Days as the workspace's people live them, and counting a workspace's three day rollups again.

-- The date of a moment in the workspace's time zone.
CREATE OR REPLACE FUNCTION workspace_day(p_tenant bigint, p_at timestamptz) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT (p_at AT TIME ZONE coalesce((SELECT time_zone FROM workspace WHERE id = p_tenant), 'UTC'))::date
$$;

-- The three day rollups of one workspace counted again from its deals, stage changes and leads: when its time
-- zone changes, and after a bulk load made with the triggers off. Stage changes count under the deal's present
-- owner and team (the trigger records those of the moment of the move).
CREATE OR REPLACE FUNCTION rebuild_day_rollups(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_zone text := (SELECT time_zone FROM workspace WHERE id = p_tenant);
BEGIN
  DELETE FROM deal_close_day WHERE tenant_id = p_tenant;
  INSERT INTO deal_close_day (tenant_id, day, pipeline_id, owner_id, team_id, status, deals, amount, age_seconds)
  SELECT tenant_id, (closed_at AT TIME ZONE v_zone)::date, pipeline_id, owner_id, coalesce(team_id, 0), status, count(*),
         sum(amount), sum(extract(epoch FROM closed_at - opened_at))
    FROM opportunity WHERE tenant_id = p_tenant AND status <> 'OPEN' AND closed_at IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6;

  DELETE FROM stage_exit_day WHERE tenant_id = p_tenant;
  INSERT INTO stage_exit_day (tenant_id, day, stage_id, owner_id, team_id, entered, exited, exited_forward, seconds_in_stage)
  SELECT p_tenant, day, stage_id, owner_id, team_id, sum(entered), sum(exited), sum(forward), sum(seconds)
  FROM (
    SELECT (c.changed_at AT TIME ZONE v_zone)::date AS day, c.to_stage_id AS stage_id, o.owner_id,
           coalesce(o.team_id, 0) AS team_id, 1 AS entered, 0 AS exited, 0 AS forward, 0::double precision AS seconds
      FROM stage_change c JOIN opportunity o ON o.tenant_id = c.tenant_id AND o.id = c.opportunity_id
     WHERE c.tenant_id = p_tenant
    UNION ALL
    SELECT (h.changed_at AT TIME ZONE v_zone)::date, h.from_stage_id, o.owner_id, coalesce(o.team_id, 0), 0, 1,
           CASE WHEN t.kind = 'WON' OR (t.kind = 'OPEN' AND t.position > f.position) THEN 1 ELSE 0 END,
           greatest(extract(epoch FROM h.changed_at - coalesce(h.entered_at, o.opened_at)), 0)
      FROM (SELECT c.*, lag(changed_at) OVER (PARTITION BY opportunity_id ORDER BY changed_at, id) AS entered_at
              FROM stage_change c WHERE c.tenant_id = p_tenant) h
      JOIN opportunity o ON o.tenant_id = h.tenant_id AND o.id = h.opportunity_id
      LEFT JOIN stage t ON t.tenant_id = h.tenant_id AND t.id = h.to_stage_id
      LEFT JOIN stage f ON f.tenant_id = h.tenant_id AND f.id = h.from_stage_id
     WHERE h.from_stage_id IS NOT NULL
  ) moves
  GROUP BY day, stage_id, owner_id, team_id;

  DELETE FROM lead_cohort_day WHERE tenant_id = p_tenant;
  INSERT INTO lead_cohort_day (tenant_id, day, owner_id, team_id, source, leads, mql, sql, converted, won)
  SELECT p_tenant, (l.created_at AT TIME ZONE v_zone)::date, coalesce(l.owner_id, 0), coalesce(l.team_id, 0),
         coalesce(l.source, ''), count(*),
         count(*) FILTER (WHERE l.mql_at IS NOT NULL OR l.sql_at IS NOT NULL OR l.converted_at IS NOT NULL),
         count(*) FILTER (WHERE l.sql_at IS NOT NULL OR l.converted_at IS NOT NULL),
         count(*) FILTER (WHERE l.converted_at IS NOT NULL),
         count(*) FILTER (WHERE o.status = 'WON')
    FROM lead l
    LEFT JOIN opportunity o ON o.tenant_id = l.tenant_id AND o.id = l.converted_opportunity_id
   WHERE l.tenant_id = p_tenant
   GROUP BY 2, 3, 4, 5;
END $$;

-- Recounting a workspace's day rollups when its time zone changes must not run beside writes that move them
-- (a deal closed meanwhile would be counted twice, or collide with the recount's rows). Every statement that
-- writes deals, stage changes or leads takes a shared lock on its workspace; the recount takes it alone, so it
-- waits for the writes under way and holds new ones back until it commits. Other workspaces are not held up.
-- The lock is the one-key (bigint) advisory lock whose key is the workspace id, so every id fits. All three
-- calls (here and in lead_cohort_change) must use this same form: the two-key form is another key space and
-- would not exclude them. No other advisory lock of the schema may key on workspace ids in the one-key form.
CREATE OR REPLACE FUNCTION day_rollups_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(nullif(current_setting('app.tenant_id', true), '')::bigint);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS day_rollups_writer ON opportunity;
DROP TRIGGER IF EXISTS day_rollups_writer ON stage_change;
DROP TRIGGER IF EXISTS day_rollups_writer ON lead;
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR UPDATE OR DELETE ON opportunity
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR UPDATE OR DELETE ON stage_change
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();
-- Leads are updated often without touching what the cohorts count (scores, notes): their updates take the lock
-- only when a counted column changes, in the row trigger that moves the counts.
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR DELETE ON lead
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();

CREATE OR REPLACE FUNCTION recount_day_rollups(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(p_tenant);
  PERFORM rebuild_day_rollups(p_tenant);
END $$;
