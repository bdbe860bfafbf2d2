-- The deal rollups the dashboard reads, kept by triggers in the same transaction as the change: open deals per
-- stage, owner and team (open_deal_stage), closed deals per close day, owner, team and outcome (deal_close_day),
-- and entries, exits and time spent per stage and day (stage_exit_day). Days are the workspace's days
-- (workspace_day, R__tenant_workspace_days.sql); team_id 0 stands for "no team".

-- Citus creates triggers on distributed tables only with this (the triggers touch the same workspace's rows).
SET LOCAL citus.enable_unsafe_triggers = on;

-- Adds (sign 1) or takes away (sign -1) one deal's share of the open rollup, or of the closed one. They take the
-- deal's columns, not the row: on Citus the row is of the shard's type (opportunity_102008), not opportunity's.
DROP FUNCTION IF EXISTS deal_rollup_open(opportunity, integer);
DROP FUNCTION IF EXISTS deal_rollup_closed(opportunity, integer);
CREATE OR REPLACE FUNCTION deal_rollup_open(p_tenant bigint, p_pipeline bigint, p_stage bigint, p_owner bigint,
                                            p_team bigint, p_status text, p_amount numeric, p_probability integer,
                                            sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_amount numeric := coalesce(p_amount, 0); -- a deal without an amount counts as 0
BEGIN
  IF p_status = 'OPEN' THEN
    INSERT INTO open_deal_stage AS r (tenant_id, pipeline_id, stage_id, owner_id, team_id, deals, amount, weighted)
    VALUES (p_tenant, p_pipeline, p_stage, p_owner, coalesce(p_team, 0), sign, sign * v_amount,
            sign * v_amount * p_probability / 100.0)
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_id) DO UPDATE
      SET deals = r.deals + excluded.deals, amount = r.amount + excluded.amount, weighted = r.weighted + excluded.weighted;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION deal_rollup_closed(p_tenant bigint, p_pipeline bigint, p_owner bigint, p_team bigint,
                                              p_status text, p_amount numeric, p_opened timestamptz,
                                              p_closed timestamptz, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_amount numeric := coalesce(p_amount, 0);
BEGIN
  IF p_status <> 'OPEN' AND p_closed IS NOT NULL THEN
    INSERT INTO deal_close_day AS r (tenant_id, day, pipeline_id, owner_id, team_id, status, deals, amount, age_seconds)
    VALUES (p_tenant, workspace_day(p_tenant, p_closed), p_pipeline, p_owner, coalesce(p_team, 0),
            p_status, sign, sign * v_amount, sign * extract(epoch FROM p_closed - p_opened))
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
    PERFORM deal_rollup_open(NEW.tenant_id, NEW.pipeline_id, NEW.stage_id, NEW.owner_id,
                             NEW.team_id, NEW.status, NEW.amount, NEW.probability, 1);
    PERFORM deal_rollup_closed(NEW.tenant_id, NEW.pipeline_id, NEW.owner_id, NEW.team_id,
                               NEW.status, NEW.amount, NEW.opened_at, NEW.closed_at, 1);
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM deal_rollup_open(OLD.tenant_id, OLD.pipeline_id, OLD.stage_id, OLD.owner_id,
                             OLD.team_id, OLD.status, OLD.amount, OLD.probability, -1);
    PERFORM deal_rollup_closed(OLD.tenant_id, OLD.pipeline_id, OLD.owner_id, OLD.team_id,
                               OLD.status, OLD.amount, OLD.opened_at, OLD.closed_at, -1);
    RETURN OLD;
  END IF;
  IF (OLD.pipeline_id, OLD.stage_id, OLD.owner_id, coalesce(OLD.team_id, 0))
     <= (NEW.pipeline_id, NEW.stage_id, NEW.owner_id, coalesce(NEW.team_id, 0)) THEN
    PERFORM deal_rollup_open(OLD.tenant_id, OLD.pipeline_id, OLD.stage_id, OLD.owner_id,
                             OLD.team_id, OLD.status, OLD.amount, OLD.probability, -1);
    PERFORM deal_rollup_open(NEW.tenant_id, NEW.pipeline_id, NEW.stage_id, NEW.owner_id,
                             NEW.team_id, NEW.status, NEW.amount, NEW.probability, 1);
  ELSE
    PERFORM deal_rollup_open(NEW.tenant_id, NEW.pipeline_id, NEW.stage_id, NEW.owner_id,
                             NEW.team_id, NEW.status, NEW.amount, NEW.probability, 1);
    PERFORM deal_rollup_open(OLD.tenant_id, OLD.pipeline_id, OLD.stage_id, OLD.owner_id,
                             OLD.team_id, OLD.status, OLD.amount, OLD.probability, -1);
  END IF;
  IF (OLD.closed_at, OLD.pipeline_id, OLD.owner_id, coalesce(OLD.team_id, 0), OLD.status)
     <= (NEW.closed_at, NEW.pipeline_id, NEW.owner_id, coalesce(NEW.team_id, 0), NEW.status) THEN
    PERFORM deal_rollup_closed(OLD.tenant_id, OLD.pipeline_id, OLD.owner_id, OLD.team_id,
                               OLD.status, OLD.amount, OLD.opened_at, OLD.closed_at, -1);
    PERFORM deal_rollup_closed(NEW.tenant_id, NEW.pipeline_id, NEW.owner_id, NEW.team_id,
                               NEW.status, NEW.amount, NEW.opened_at, NEW.closed_at, 1);
  ELSE
    PERFORM deal_rollup_closed(NEW.tenant_id, NEW.pipeline_id, NEW.owner_id, NEW.team_id,
                               NEW.status, NEW.amount, NEW.opened_at, NEW.closed_at, 1);
    PERFORM deal_rollup_closed(OLD.tenant_id, OLD.pipeline_id, OLD.owner_id, OLD.team_id,
                               OLD.status, OLD.amount, OLD.opened_at, OLD.closed_at, -1);
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
    FROM stage_facts t LEFT JOIN stage_facts f ON f.tenant_id = p_tenant AND f.id = p_from
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

-- The deal's owner and team when it moved, kept with the change for the recount (rebuild_deal_day_rollups).
CREATE OR REPLACE FUNCTION stage_change_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.owner_id IS NULL THEN
    SELECT owner_id, coalesce(team_id, 0) INTO NEW.owner_id, NEW.team_id
      FROM opportunity WHERE tenant_id = NEW.tenant_id AND id = NEW.opportunity_id;
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS stage_change_owner ON stage_change;
CREATE TRIGGER stage_change_owner BEFORE INSERT ON stage_change
  FOR EACH ROW EXECUTE FUNCTION stage_change_owner();

DROP TRIGGER IF EXISTS stage_change_rollup ON stage_change;
CREATE TRIGGER stage_change_rollup AFTER INSERT ON stage_change
  FOR EACH ROW EXECUTE FUNCTION stage_change_rollup();

-- The closed-deal and stage-exit rollups of one workspace counted again from its deals and stage changes: when
-- its time zone changes (recount_day_rollups, under the workspace's lock), and after a bulk load made with the
-- triggers off. Stage changes count under the deal's owner and team at the moment of the move, as the trigger
-- records them (kept with each change since V111; a change written before has none and counts under the deal's
-- present owner and team). Each insert takes its tenant_id from the rows it reads, so that Citus runs it on the
-- workspace's worker as it stands.
CREATE OR REPLACE FUNCTION rebuild_deal_day_rollups(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_zone text := workspace_time_zone(p_tenant);
  r record;
BEGIN
  DELETE FROM deal_close_day WHERE tenant_id = p_tenant;
  INSERT INTO deal_close_day (tenant_id, day, pipeline_id, owner_id, team_id, status, deals, amount, age_seconds)
  SELECT tenant_id, (closed_at AT TIME ZONE v_zone)::date, pipeline_id, owner_id, coalesce(team_id, 0), status, count(*),
         sum(coalesce(amount, 0)), sum(extract(epoch FROM closed_at - opened_at))
    FROM opportunity WHERE tenant_id = p_tenant AND status <> 'OPEN' AND closed_at IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6;

  DELETE FROM stage_exit_day WHERE tenant_id = p_tenant;
  -- A row at a time: Citus cannot push this select down into one insert and would copy its result into the
  -- shard, which row-level security refuses; a recount is rare, and the rows are one per day, stage and owner.
  FOR r IN
    SELECT tenant_id, day, stage_id, owner_id, team_id, sum(entered) AS entered, sum(exited) AS exited,
           sum(forward) AS forward, sum(seconds) AS seconds
    FROM (
      SELECT c.tenant_id, (c.changed_at AT TIME ZONE v_zone)::date AS day, c.to_stage_id AS stage_id,
             coalesce(c.owner_id, o.owner_id) AS owner_id,
             CASE WHEN c.owner_id IS NULL THEN coalesce(o.team_id, 0) ELSE coalesce(c.team_id, 0) END AS team_id,
             1 AS entered, 0 AS exited, 0 AS forward, 0::double precision AS seconds
        FROM stage_change c JOIN opportunity o ON o.tenant_id = c.tenant_id AND o.id = c.opportunity_id
       WHERE c.tenant_id = p_tenant
      UNION ALL
      SELECT h.tenant_id, (h.changed_at AT TIME ZONE v_zone)::date, h.from_stage_id, coalesce(h.owner_id, o.owner_id),
             CASE WHEN h.owner_id IS NULL THEN coalesce(o.team_id, 0) ELSE coalesce(h.team_id, 0) END, 0, 1,
             CASE WHEN t.kind = 'WON' OR (t.kind = 'OPEN' AND t.position > f.position) THEN 1 ELSE 0 END,
             greatest(extract(epoch FROM h.changed_at - coalesce(h.entered_at, o.opened_at)), 0)
        FROM (SELECT c.*, lag(changed_at) OVER (PARTITION BY tenant_id, opportunity_id ORDER BY changed_at, id) AS entered_at
                FROM stage_change c WHERE c.tenant_id = p_tenant) h
        JOIN opportunity o ON o.tenant_id = h.tenant_id AND o.id = h.opportunity_id
        LEFT JOIN stage_facts t ON t.tenant_id = h.tenant_id AND t.id = h.to_stage_id
        LEFT JOIN stage_facts f ON f.tenant_id = h.tenant_id AND f.id = h.from_stage_id
       WHERE h.from_stage_id IS NOT NULL
    ) moves
    GROUP BY tenant_id, day, stage_id, owner_id, team_id
  LOOP
    INSERT INTO stage_exit_day (tenant_id, day, stage_id, owner_id, team_id, entered, exited, exited_forward,
                                seconds_in_stage)
    VALUES (r.tenant_id, r.day, r.stage_id, r.owner_id, r.team_id, r.entered, r.exited, r.forward, r.seconds);
  END LOOP;
END $$;

-- Writes to deals and stage changes take the workspace's shared recount lock (day_rollups_writer,
-- R__tenant_workspace_days.sql).
DROP TRIGGER IF EXISTS day_rollups_writer ON opportunity;
DROP TRIGGER IF EXISTS day_rollups_writer ON stage_change;
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR UPDATE OR DELETE ON opportunity
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR UPDATE OR DELETE ON stage_change
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();
