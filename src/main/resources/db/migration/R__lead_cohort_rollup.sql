-- The lead funnel read from a rollup a trigger keeps (lead_cohort_day): per creation day, owner, team and source,
-- how many leads were created and how many of them have reached MQL, SQL, a deal, a won deal since. A later
-- milestone implies the earlier ones. Whether a lead's deal is won the lead keeps itself (deal_won_at), set by the
-- lead module from the deal's events (LeadDealOutcomes), so nothing here reads another module's table. owner_id and team_id 0 stand for "none", source '' for "no source". A day is
-- a day in the workspace's time zone (workspace_day, R__tenant_workspace_days.sql).

-- Citus creates triggers on distributed tables only with this (the triggers touch the same workspace's rows).
SET LOCAL citus.enable_unsafe_triggers = on;

-- Adds (sign 1) or takes away (sign -1) one lead's share. It takes the lead's columns, not the row: on Citus the
-- row is of the shard's type (lead_102040), not lead's.
DROP FUNCTION IF EXISTS lead_cohort_add(lead, integer);
DROP FUNCTION IF EXISTS lead_cohort_add(bigint, timestamptz, bigint, bigint, text, timestamptz, timestamptz,
                                        timestamptz, bigint, integer);
CREATE OR REPLACE FUNCTION lead_cohort_add(p_tenant bigint, p_created timestamptz, p_owner bigint, p_team bigint,
                                           p_source text, p_mql timestamptz, p_sql timestamptz,
                                           p_converted timestamptz, p_won timestamptz, sign integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_cohort_day AS r (tenant_id, day, owner_id, team_id, source, leads, mql, sql, converted, won)
  VALUES (p_tenant, workspace_day(p_tenant, p_created), coalesce(p_owner, 0), coalesce(p_team, 0),
          coalesce(p_source, ''), sign,
          sign * (p_mql IS NOT NULL OR p_sql IS NOT NULL OR p_converted IS NOT NULL)::integer,
          sign * (p_sql IS NOT NULL OR p_converted IS NOT NULL)::integer,
          sign * (p_converted IS NOT NULL)::integer, sign * (p_won IS NOT NULL)::integer)
  ON CONFLICT (tenant_id, day, owner_id, team_id, source) DO UPDATE
    SET leads = r.leads + excluded.leads, mql = r.mql + excluded.mql, sql = r.sql + excluded.sql,
        converted = r.converted + excluded.converted, won = r.won + excluded.won;
END $$;

-- New leads. On one PostgreSQL a statement at a time: an import's multi-row insert becomes one upsert per cohort
-- row, in key order. Where Citus is installed a row at a time (no transition tables on the shards).
CREATE OR REPLACE FUNCTION lead_cohort_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_zone text;
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    PERFORM lead_cohort_add(NEW.tenant_id, NEW.created_at, NEW.owner_id, NEW.team_id, NEW.source, NEW.mql_at,
                            NEW.sql_at, NEW.converted_at, NEW.deal_won_at, 1);
    RETURN NULL;
  END IF;
  -- a statement writes one workspace's leads (row-level security)
  SELECT workspace_time_zone(tenant_id) INTO v_zone FROM new_leads LIMIT 1;
  INSERT INTO lead_cohort_day AS r (tenant_id, day, owner_id, team_id, source, leads, mql, sql, converted, won)
  SELECT n.tenant_id, (n.created_at AT TIME ZONE v_zone)::date, coalesce(n.owner_id, 0), coalesce(n.team_id, 0),
         coalesce(n.source, ''), count(*),
         count(*) FILTER (WHERE n.mql_at IS NOT NULL OR n.sql_at IS NOT NULL OR n.converted_at IS NOT NULL),
         count(*) FILTER (WHERE n.sql_at IS NOT NULL OR n.converted_at IS NOT NULL),
         count(*) FILTER (WHERE n.converted_at IS NOT NULL),
         count(*) FILTER (WHERE n.deal_won_at IS NOT NULL)
    FROM new_leads n
   GROUP BY 1, 2, 3, 4, 5
   ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (tenant_id, day, owner_id, team_id, source) DO UPDATE
    SET leads = r.leads + excluded.leads, mql = r.mql + excluded.mql, sql = r.sql + excluded.sql,
        converted = r.converted + excluded.converted, won = r.won + excluded.won;
  RETURN NULL;
END $$;

-- A changed or removed lead; its two rows are locked in key order so that two changes never wait in a circle.
-- An update that moves the counts takes the shared recount lock of its workspace (see R__tenant_workspace_days.sql).
CREATE OR REPLACE FUNCTION lead_cohort_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM lead_cohort_add(OLD.tenant_id, OLD.created_at, OLD.owner_id, OLD.team_id, OLD.source,
                            OLD.mql_at, OLD.sql_at, OLD.converted_at, OLD.deal_won_at, -1);
    RETURN OLD;
  END IF;
  PERFORM pg_advisory_xact_lock_shared(NEW.tenant_id);
  IF (OLD.created_at, coalesce(OLD.owner_id, 0), coalesce(OLD.team_id, 0), coalesce(OLD.source, ''))
     <= (NEW.created_at, coalesce(NEW.owner_id, 0), coalesce(NEW.team_id, 0), coalesce(NEW.source, '')) THEN
    PERFORM lead_cohort_add(OLD.tenant_id, OLD.created_at, OLD.owner_id, OLD.team_id, OLD.source,
                            OLD.mql_at, OLD.sql_at, OLD.converted_at, OLD.deal_won_at, -1);
    PERFORM lead_cohort_add(NEW.tenant_id, NEW.created_at, NEW.owner_id, NEW.team_id, NEW.source,
                            NEW.mql_at, NEW.sql_at, NEW.converted_at, NEW.deal_won_at, 1);
  ELSE
    PERFORM lead_cohort_add(NEW.tenant_id, NEW.created_at, NEW.owner_id, NEW.team_id, NEW.source,
                            NEW.mql_at, NEW.sql_at, NEW.converted_at, NEW.deal_won_at, 1);
    PERFORM lead_cohort_add(OLD.tenant_id, OLD.created_at, OLD.owner_id, OLD.team_id, OLD.source,
                            OLD.mql_at, OLD.sql_at, OLD.converted_at, OLD.deal_won_at, -1);
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS lead_cohort_insert ON lead;
DROP TRIGGER IF EXISTS lead_cohort_delete ON lead;
DROP TRIGGER IF EXISTS lead_cohort_update ON lead;
-- Before deals' outcomes reached leads as events, a trigger on opportunity moved the won counts.
DROP TRIGGER IF EXISTS lead_cohort_deal_won ON opportunity;
DROP FUNCTION IF EXISTS lead_cohort_deal_won();
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
    CREATE TRIGGER lead_cohort_insert AFTER INSERT ON lead FOR EACH ROW EXECUTE FUNCTION lead_cohort_insert();
  ELSE
    CREATE TRIGGER lead_cohort_insert AFTER INSERT ON lead
      REFERENCING NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION lead_cohort_insert();
  END IF;
END $$;
CREATE TRIGGER lead_cohort_delete AFTER DELETE ON lead
  FOR EACH ROW EXECUTE FUNCTION lead_cohort_change();
CREATE TRIGGER lead_cohort_update AFTER UPDATE ON lead
  FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.owner_id IS DISTINCT FROM NEW.owner_id
    OR OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.source IS DISTINCT FROM NEW.source
    OR OLD.mql_at IS DISTINCT FROM NEW.mql_at OR OLD.sql_at IS DISTINCT FROM NEW.sql_at
    OR OLD.converted_at IS DISTINCT FROM NEW.converted_at
    OR OLD.converted_opportunity_id IS DISTINCT FROM NEW.converted_opportunity_id
    OR (OLD.deal_won_at IS NULL) IS DISTINCT FROM (NEW.deal_won_at IS NULL))
  EXECUTE FUNCTION lead_cohort_change();

-- The lead cohort rollup of one workspace counted again from its leads: when its time zone changes
-- (recount_day_rollups, under the workspace's lock), and after a bulk load made with the triggers off. The insert
-- takes its tenant_id from the leads it reads, so that Citus runs it on the workspace's worker as it stands.
CREATE OR REPLACE FUNCTION rebuild_lead_cohort_days(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_zone text := workspace_time_zone(p_tenant);
BEGIN
  DELETE FROM lead_cohort_day WHERE tenant_id = p_tenant;
  INSERT INTO lead_cohort_day (tenant_id, day, owner_id, team_id, source, leads, mql, sql, converted, won)
  SELECT l.tenant_id, (l.created_at AT TIME ZONE v_zone)::date, coalesce(l.owner_id, 0), coalesce(l.team_id, 0),
         coalesce(l.source, ''), count(*),
         count(*) FILTER (WHERE l.mql_at IS NOT NULL OR l.sql_at IS NOT NULL OR l.converted_at IS NOT NULL),
         count(*) FILTER (WHERE l.sql_at IS NOT NULL OR l.converted_at IS NOT NULL),
         count(*) FILTER (WHERE l.converted_at IS NOT NULL),
         count(*) FILTER (WHERE l.deal_won_at IS NOT NULL)
    FROM lead l
   WHERE l.tenant_id = p_tenant
   GROUP BY 1, 2, 3, 4, 5;
END $$;

-- Inserts and deletes of leads take the workspace's shared recount lock (day_rollups_writer,
-- R__tenant_workspace_days.sql); updates take it only when a counted column changes, in lead_cohort_change.
DROP TRIGGER IF EXISTS day_rollups_writer ON lead;
CREATE TRIGGER day_rollups_writer BEFORE INSERT OR DELETE ON lead
  FOR EACH STATEMENT EXECUTE FUNCTION day_rollups_writer();
