-- The deal rollups the dashboard reads, kept by triggers in the same transaction as the change: open deals per
-- stage, owner and team (open_deal_stage), closed deals per close day, owner, team and outcome (deal_close_day),
-- and entries, exits and time spent per stage and day (stage_exit_day). Days are the workspace's days
-- (workspace_day, R__tenant_workspace_days.sql); team_id 0 stands for "no team".

-- Adds (sign 1) or takes away (sign -1) one deal's share of the open rollup, or of the closed one.
CREATE OR REPLACE FUNCTION deal_rollup_open(d opportunity, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF d.status = 'OPEN' THEN
    INSERT INTO open_deal_stage AS r (tenant_id, pipeline_id, stage_id, owner_id, team_id, deals, amount, weighted)
    VALUES (d.tenant_id, d.pipeline_id, d.stage_id, d.owner_id, coalesce(d.team_id, 0), sign, sign * d.amount,
            sign * d.amount * d.probability / 100.0)
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_id) DO UPDATE
      SET deals = r.deals + excluded.deals, amount = r.amount + excluded.amount, weighted = r.weighted + excluded.weighted;
  END IF;
END $$;

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

-- Rollup rows are always locked in the same order (open before closed, then by key), so two deals moving
-- in opposite directions at once never wait on each other in a circle.
CREATE OR REPLACE FUNCTION deal_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM deal_rollup_open(NEW, 1);
    PERFORM deal_rollup_closed(NEW, 1);
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM deal_rollup_open(OLD, -1);
    PERFORM deal_rollup_closed(OLD, -1);
    RETURN OLD;
  END IF;
  IF (OLD.pipeline_id, OLD.stage_id, OLD.owner_id, coalesce(OLD.team_id, 0))
     <= (NEW.pipeline_id, NEW.stage_id, NEW.owner_id, coalesce(NEW.team_id, 0)) THEN
    PERFORM deal_rollup_open(OLD, -1);
    PERFORM deal_rollup_open(NEW, 1);
  ELSE
    PERFORM deal_rollup_open(NEW, 1);
    PERFORM deal_rollup_open(OLD, -1);
  END IF;
  IF (OLD.closed_at, OLD.pipeline_id, OLD.owner_id, coalesce(OLD.team_id, 0), OLD.status)
     <= (NEW.closed_at, NEW.pipeline_id, NEW.owner_id, coalesce(NEW.team_id, 0), NEW.status) THEN
    PERFORM deal_rollup_closed(OLD, -1);
    PERFORM deal_rollup_closed(NEW, 1);
  ELSE
    PERFORM deal_rollup_closed(NEW, 1);
    PERFORM deal_rollup_closed(OLD, -1);
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS deal_rollup_insert_delete ON opportunity;
DROP TRIGGER IF EXISTS deal_rollup_update ON opportunity;
CREATE TRIGGER deal_rollup_insert_delete AFTER INSERT OR DELETE ON opportunity
  FOR EACH ROW EXECUTE FUNCTION deal_rollup();
CREATE TRIGGER deal_rollup_update AFTER UPDATE ON opportunity
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.stage_id IS DISTINCT FROM NEW.stage_id
    OR OLD.pipeline_id IS DISTINCT FROM NEW.pipeline_id OR OLD.amount IS DISTINCT FROM NEW.amount
    OR OLD.probability IS DISTINCT FROM NEW.probability OR OLD.owner_id IS DISTINCT FROM NEW.owner_id
    OR OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.closed_at IS DISTINCT FROM NEW.closed_at
    OR OLD.opened_at IS DISTINCT FROM NEW.opened_at)
  EXECUTE FUNCTION deal_rollup();

-- One stage change of a deal: the stage it enters, and the stage it leaves with the time spent there. Owner and
-- team are those of the deal when it moved.
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

CREATE OR REPLACE FUNCTION stage_change_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stage_exit_record(NEW.tenant_id, NEW.opportunity_id, NEW.id, NEW.from_stage_id, NEW.to_stage_id,
                            NEW.changed_at, 1);
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS stage_change_rollup ON stage_change;
CREATE TRIGGER stage_change_rollup AFTER INSERT ON stage_change
  FOR EACH ROW EXECUTE FUNCTION stage_change_rollup();
