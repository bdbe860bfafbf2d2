-- Dashboards count days as the workspace's people live them: the deal rollups, like the lead cohorts of V62, cut
-- days in the workspace's time zone, not in UTC, so a deal won at 00:30 in Tehran on the first of April counts in
-- April.

CREATE OR REPLACE FUNCTION deal_rollup_closed(d opportunity, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF d.status <> 'OPEN' AND d.closed_at IS NOT NULL THEN
    INSERT INTO deal_close_day AS r (tenant_id, day, pipeline_id, owner_id, team_id, status, deals, amount, age_seconds)
    VALUES (d.tenant_id, workspace_day(d.tenant_id, d.closed_at), d.pipeline_id, d.owner_id, coalesce(d.team_id, 0),
            d.status, sign, sign * d.amount, sign * extract(epoch FROM d.closed_at - d.opened_at))
    ON CONFLICT (tenant_id, day, pipeline_id, owner_id, team_id, status) DO UPDATE
      SET deals = r.deals + excluded.deals, amount = r.amount + excluded.amount,
          age_seconds = r.age_seconds + excluded.age_seconds;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION stage_exit_record(p_tenant bigint, p_opportunity bigint, p_change bigint, p_from bigint,
                                  p_to bigint, p_at timestamptz, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_day date := workspace_day(p_tenant, p_at);
  v_owner bigint;
  v_team bigint;
  v_opened timestamptz;
  v_entered timestamptz;
  v_forward integer := 0;
BEGIN
  SELECT owner_id, coalesce(team_id, 0), opened_at INTO v_owner, v_team, v_opened
    FROM opportunity WHERE tenant_id = p_tenant AND id = p_opportunity;
  IF v_owner IS NULL THEN
    RETURN;
  END IF;
  IF p_from IS NULL OR p_to < p_from THEN
    -- rows are locked in stage order, so moves in opposite directions never wait on each other in a circle
    INSERT INTO stage_exit_day AS d (tenant_id, day, stage_id, owner_id, team_id, entered)
    VALUES (p_tenant, v_day, p_to, v_owner, v_team, p_sign)
    ON CONFLICT (tenant_id, day, stage_id, owner_id, team_id) DO UPDATE SET entered = d.entered + p_sign;
  END IF;
  IF p_from IS NULL THEN
    RETURN;
  END IF;
  -- the deal entered the stage it leaves at its previous change (or when it was opened)
  SELECT max(changed_at) INTO v_entered FROM stage_change
   WHERE tenant_id = p_tenant AND opportunity_id = p_opportunity AND changed_at <= p_at AND id <> p_change;
  v_entered := coalesce(v_entered, v_opened);
  SELECT CASE WHEN t.kind = 'WON' OR (t.kind = 'OPEN' AND t.position > f.position) THEN 1 ELSE 0 END
    INTO v_forward
    FROM stage t LEFT JOIN stage f ON f.tenant_id = p_tenant AND f.id = p_from
   WHERE t.tenant_id = p_tenant AND t.id = p_to;
  INSERT INTO stage_exit_day AS d (tenant_id, day, stage_id, owner_id, team_id, exited, exited_forward, seconds_in_stage)
  VALUES (p_tenant, v_day, p_from, v_owner, v_team, p_sign,
          p_sign * coalesce(v_forward, 0), p_sign * greatest(extract(epoch FROM p_at - v_entered), 0))
  ON CONFLICT (tenant_id, day, stage_id, owner_id, team_id) DO UPDATE
    SET exited = d.exited + excluded.exited,
        exited_forward = d.exited_forward + excluded.exited_forward,
        seconds_in_stage = d.seconds_in_stage + excluded.seconds_in_stage;
  IF p_to >= p_from THEN
    INSERT INTO stage_exit_day AS d (tenant_id, day, stage_id, owner_id, team_id, entered)
    VALUES (p_tenant, v_day, p_to, v_owner, v_team, p_sign)
    ON CONFLICT (tenant_id, day, stage_id, owner_id, team_id) DO UPDATE SET entered = d.entered + p_sign;
  END IF;
END $$;

-- The three day rollups of one workspace counted again from its deals, stage changes and leads: when its time
-- zone changes, and after a bulk load made with the triggers off. Stage changes count under the deal's present
-- owner and team (the trigger records those of the moment of the move).
CREATE FUNCTION rebuild_day_rollups(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
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

-- Workspaces that already live in another zone than UTC (row security is lifted for the owner only inside this
-- transaction).
ALTER TABLE workspace NO FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stage_change NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stage NO FORCE ROW LEVEL SECURITY;
ALTER TABLE lead NO FORCE ROW LEVEL SECURITY;
ALTER TABLE deal_close_day NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stage_exit_day NO FORCE ROW LEVEL SECURITY;
ALTER TABLE lead_cohort_day NO FORCE ROW LEVEL SECURITY;
SELECT rebuild_day_rollups(id) FROM workspace WHERE time_zone <> 'UTC';
ALTER TABLE workspace FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity FORCE ROW LEVEL SECURITY;
ALTER TABLE stage_change FORCE ROW LEVEL SECURITY;
ALTER TABLE stage FORCE ROW LEVEL SECURITY;
ALTER TABLE lead FORCE ROW LEVEL SECURITY;
ALTER TABLE deal_close_day FORCE ROW LEVEL SECURITY;
ALTER TABLE stage_exit_day FORCE ROW LEVEL SECURITY;
ALTER TABLE lead_cohort_day FORCE ROW LEVEL SECURITY;
