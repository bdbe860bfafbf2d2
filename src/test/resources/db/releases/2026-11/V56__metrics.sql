-- What the dashboards read. Each figure is answered from an index alone (covering indexes below) or from
-- stage_exit_day, a per-day rollup of stage changes that a trigger keeps as deals move.

-- Closed deals by close date: win rate, won amount, deal size and age, reasons, breakdowns, monthly trend.
CREATE INDEX opportunity_closed_metrics_idx ON opportunity (tenant_id, closed_at)
  INCLUDE (status, amount, opened_at, pipeline_id, owner_id, team_id, source, industry, close_reason)
  WHERE closed_at IS NOT NULL;
DROP INDEX opportunity_closed_idx;

-- Open deals by expected close date: forecast by month, open pipeline totals.
CREATE INDEX opportunity_open_forecast_idx ON opportunity (tenant_id, expected_close_date)
  INCLUDE (amount, probability, pipeline_id, owner_id, team_id, account_id)
  WHERE status = 'OPEN';

-- Open deals by stage and how long they have been in it: stalled (rotting) deals.
CREATE INDEX opportunity_open_age_idx ON opportunity (tenant_id, stage_id, stage_entered_at)
  INCLUDE (amount, pipeline_id, owner_id, team_id)
  WHERE status = 'OPEN';

-- Leads by creation: the funnel cohort. Leads by qualification: qualified leads.
CREATE INDEX lead_funnel_idx ON lead (tenant_id, created_at)
  INCLUDE (owner_id, team_id, source, mql_at, sql_at, converted_at, converted_opportunity_id);
CREATE INDEX lead_qualified_idx ON lead (tenant_id, qualified_at)
  INCLUDE (owner_id, team_id)
  WHERE qualified_at IS NOT NULL;

-- Deals entering and leaving each stage per day, by owner and team: stage-to-stage conversion and the
-- average time in each stage without reading the whole stage history. team_id 0 stands for "no team".
-- Owner and team are those of the deal when it moved.
CREATE TABLE stage_exit_day (
  tenant_id       bigint NOT NULL REFERENCES workspace (id),
  day             date NOT NULL,
  stage_id        bigint NOT NULL,
  owner_id        bigint NOT NULL,
  team_id         bigint NOT NULL DEFAULT 0,
  entered         integer NOT NULL DEFAULT 0,
  exited          integer NOT NULL DEFAULT 0,
  exited_forward  integer NOT NULL DEFAULT 0,
  seconds_in_stage double precision NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, day, stage_id, owner_id, team_id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id)
);
CALL enable_tenant_isolation('stage_exit_day');

-- The day a change counts on is its UTC date; dashboards ask for whole days.
CREATE FUNCTION stage_exit_record(p_tenant bigint, p_opportunity bigint, p_change bigint, p_from bigint,
                                  p_to bigint, p_at timestamptz, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
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
  INSERT INTO stage_exit_day AS d (tenant_id, day, stage_id, owner_id, team_id, entered)
  VALUES (p_tenant, (p_at AT TIME ZONE 'UTC')::date, p_to, v_owner, v_team, p_sign)
  ON CONFLICT (tenant_id, day, stage_id, owner_id, team_id) DO UPDATE SET entered = d.entered + p_sign;
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
  VALUES (p_tenant, (p_at AT TIME ZONE 'UTC')::date, p_from, v_owner, v_team, p_sign,
          p_sign * coalesce(v_forward, 0), p_sign * greatest(extract(epoch FROM p_at - v_entered), 0))
  ON CONFLICT (tenant_id, day, stage_id, owner_id, team_id) DO UPDATE
    SET exited = d.exited + excluded.exited,
        exited_forward = d.exited_forward + excluded.exited_forward,
        seconds_in_stage = d.seconds_in_stage + excluded.seconds_in_stage;
END $$;

CREATE FUNCTION stage_change_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stage_exit_record(NEW.tenant_id, NEW.opportunity_id, NEW.id, NEW.from_stage_id, NEW.to_stage_id,
                            NEW.changed_at, 1);
  RETURN NEW;
END $$;

CREATE TRIGGER stage_change_rollup AFTER INSERT ON stage_change
  FOR EACH ROW EXECUTE FUNCTION stage_change_rollup();

-- Deals already moved before this version: rebuild the rollup from the history (row security is lifted for
-- the owner only inside this migration's transaction).
ALTER TABLE stage_change NO FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stage NO FORCE ROW LEVEL SECURITY;
ALTER TABLE stage_exit_day NO FORCE ROW LEVEL SECURITY;
INSERT INTO stage_exit_day (tenant_id, day, stage_id, owner_id, team_id, entered, exited, exited_forward, seconds_in_stage)
SELECT tenant_id, day, stage_id, owner_id, team_id, sum(entered), sum(exited), sum(forward), sum(seconds)
FROM (
  SELECT c.tenant_id, (c.changed_at AT TIME ZONE 'UTC')::date AS day, c.to_stage_id AS stage_id, o.owner_id,
         coalesce(o.team_id, 0) AS team_id, 1 AS entered, 0 AS exited, 0 AS forward, 0::double precision AS seconds
    FROM stage_change c JOIN opportunity o ON o.tenant_id = c.tenant_id AND o.id = c.opportunity_id
  UNION ALL
  SELECT h.tenant_id, (h.changed_at AT TIME ZONE 'UTC')::date, h.from_stage_id, o.owner_id, coalesce(o.team_id, 0),
         0, 1,
         CASE WHEN t.kind = 'WON' OR (t.kind = 'OPEN' AND t.position > f.position) THEN 1 ELSE 0 END,
         greatest(extract(epoch FROM h.changed_at - coalesce(h.entered_at, o.opened_at)), 0)
    FROM (SELECT c.*, lag(changed_at) OVER (PARTITION BY tenant_id, opportunity_id ORDER BY changed_at, id) AS entered_at
            FROM stage_change c) h
    JOIN opportunity o ON o.tenant_id = h.tenant_id AND o.id = h.opportunity_id
    LEFT JOIN stage t ON t.tenant_id = h.tenant_id AND t.id = h.to_stage_id
    LEFT JOIN stage f ON f.tenant_id = h.tenant_id AND f.id = h.from_stage_id
   WHERE h.from_stage_id IS NOT NULL
) moves
GROUP BY tenant_id, day, stage_id, owner_id, team_id;
ALTER TABLE stage_change FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity FORCE ROW LEVEL SECURITY;
ALTER TABLE stage FORCE ROW LEVEL SECURITY;
ALTER TABLE stage_exit_day FORCE ROW LEVEL SECURITY;
