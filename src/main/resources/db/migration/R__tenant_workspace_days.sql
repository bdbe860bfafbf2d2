-- Days as the workspace's people live them, and the lock under which a workspace's day rollups are counted again.
-- Each module rebuilds its own day rollups (rebuild_deal_day_rollups in R__opportunity_rollups.sql,
-- rebuild_lead_cohort_days in R__lead_cohort_rollup.sql) and puts the writer lock trigger on its own tables.

-- The workspace's time zone, and the date of a moment in it. PL/pgSQL, not SQL: Citus cannot plan a SQL
-- function's parameters inside a query on a distributed table, and these run inside the rollup triggers.
CREATE OR REPLACE FUNCTION workspace_time_zone(p_tenant bigint) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_zone text;
BEGIN
  SELECT time_zone INTO v_zone FROM workspace WHERE id = p_tenant;
  RETURN coalesce(v_zone, 'UTC');
END $$;

CREATE OR REPLACE FUNCTION workspace_day(p_tenant bigint, p_at timestamptz) RETURNS date LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (p_at AT TIME ZONE workspace_time_zone(p_tenant))::date;
END $$;

-- Recounting a workspace's day rollups when its time zone changes must not run beside writes that move them
-- (a deal closed meanwhile would be counted twice, or collide with the recount's rows). Every statement that
-- writes deals, stage changes or leads takes a shared lock on its workspace; the recount takes it alone, so it
-- waits for the writes under way and holds new ones back until it commits. Other workspaces are not held up.
-- The lock is the one-key (bigint) advisory lock whose key is the workspace id, so every id fits. Every call
-- must use this same form: the two-key form is another key space and would not exclude them. No other advisory
-- lock of the schema may key on workspace ids in the one-key form.
-- On Citus the writers' triggers run on the worker holding the workspace's shards: the recount takes its lock
-- there too, through a query on the workspace's row (a router query: the function runs on that worker, inside
-- the distributed transaction). On one PostgreSQL the same query takes it locally.
CREATE OR REPLACE FUNCTION day_rollups_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(nullif(current_setting('app.tenant_id', true), '')::bigint);
  RETURN NULL;
END $$;

-- Rebuilt by each module from its own tables, after the bulk load of a workspace or when its time zone changed.
DROP FUNCTION IF EXISTS rebuild_day_rollups(bigint);
CREATE OR REPLACE FUNCTION recount_day_rollups(p_tenant bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(id) FROM workspace WHERE id = p_tenant;
  IF NOT FOUND THEN
    PERFORM pg_advisory_xact_lock(p_tenant);
  END IF;
  PERFORM rebuild_deal_day_rollups(p_tenant);
  PERFORM rebuild_lead_cohort_days(p_tenant);
END $$;
