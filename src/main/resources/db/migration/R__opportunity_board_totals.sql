-- The board's column totals (stage_total): triggers on opportunity add and subtract the changed open deals per
-- pipeline, stage, owner and team, in the same transaction as the change. On one PostgreSQL they are
-- statement-level with transition tables (an import writes one aggregated upsert); where Citus is installed they
-- are row-level, since Citus has no transition tables on the shards: the same sums, one upsert per deal.

-- Citus creates triggers on distributed tables only with this (the triggers touch the same workspace's rows).
SET LOCAL citus.enable_unsafe_triggers = on;

-- One deal's share, added (sign 1) or taken away (sign -1): the row-level form.
CREATE OR REPLACE FUNCTION stage_total_add(p_tenant bigint, p_pipeline bigint, p_stage bigint, p_owner bigint,
                                           p_team bigint, p_status text, p_amount numeric, p_probability integer,
                                           sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_amount numeric := coalesce(p_amount, 0); -- a deal without an amount counts as 0
BEGIN
  IF p_status = 'OPEN' THEN
    INSERT INTO stage_total AS t (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
    VALUES (p_tenant, p_pipeline, p_stage, p_owner, coalesce(p_team, 0), pg_backend_pid() % 16, sign,
            sign * v_amount, sign * v_amount * p_probability)
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard) DO UPDATE
       SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount,
           amount_x_prob = t.amount_x_prob + excluded.amount_x_prob;
  END IF;
END $$;

-- Applies the change of one statement on opportunity: old open rows count minus, new open rows plus, netted
-- per key (an edit that touches no counted column writes nothing), in key order so that two sessions always
-- lock rows in the same order and cannot deadlock each other.
CREATE OR REPLACE FUNCTION stage_total_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  my_shard smallint := pg_backend_pid() % 16;
BEGIN
  IF TG_LEVEL = 'ROW' THEN
    -- the old share first when it sorts first, so that two sessions lock the rows in the same order
    IF TG_OP = 'INSERT' THEN
      PERFORM stage_total_add(NEW.tenant_id, NEW.pipeline_id, NEW.stage_id, NEW.owner_id, NEW.team_id, NEW.status,
                              NEW.amount, NEW.probability, 1);
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM stage_total_add(OLD.tenant_id, OLD.pipeline_id, OLD.stage_id, OLD.owner_id, OLD.team_id, OLD.status,
                              OLD.amount, OLD.probability, -1);
    ELSIF (OLD.pipeline_id, OLD.stage_id, OLD.owner_id, coalesce(OLD.team_id, 0))
          <= (NEW.pipeline_id, NEW.stage_id, NEW.owner_id, coalesce(NEW.team_id, 0)) THEN
      PERFORM stage_total_add(OLD.tenant_id, OLD.pipeline_id, OLD.stage_id, OLD.owner_id, OLD.team_id, OLD.status,
                              OLD.amount, OLD.probability, -1);
      PERFORM stage_total_add(NEW.tenant_id, NEW.pipeline_id, NEW.stage_id, NEW.owner_id, NEW.team_id, NEW.status,
                              NEW.amount, NEW.probability, 1);
    ELSE
      PERFORM stage_total_add(NEW.tenant_id, NEW.pipeline_id, NEW.stage_id, NEW.owner_id, NEW.team_id, NEW.status,
                              NEW.amount, NEW.probability, 1);
      PERFORM stage_total_add(OLD.tenant_id, OLD.pipeline_id, OLD.stage_id, OLD.owner_id, OLD.team_id, OLD.status,
                              OLD.amount, OLD.probability, -1);
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO stage_total AS t (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
    SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0), my_shard, count(*), sum(coalesce(amount, 0)),
           sum(coalesce(amount, 0) * probability)
      FROM new_rows WHERE status = 'OPEN'
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard) DO UPDATE
       SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount,
           amount_x_prob = t.amount_x_prob + excluded.amount_x_prob;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stage_total AS t (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
    SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0), my_shard, -count(*), -sum(coalesce(amount, 0)),
           -sum(coalesce(amount, 0) * probability)
      FROM old_rows WHERE status = 'OPEN'
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard) DO UPDATE
       SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount,
           amount_x_prob = t.amount_x_prob + excluded.amount_x_prob;
  ELSE
    INSERT INTO stage_total AS t (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
    SELECT tenant_id, pipeline_id, stage_id, owner_id, team_key, my_shard, sum(n), sum(a), sum(w)
      FROM (SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0) team_key, 1 n, coalesce(amount, 0) a,
                   coalesce(amount, 0) * probability w
              FROM new_rows WHERE status = 'OPEN'
            UNION ALL
            SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0), -1, -coalesce(amount, 0),
                   -(coalesce(amount, 0) * probability)
              FROM old_rows WHERE status = 'OPEN') d
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(n) <> 0 OR sum(a) <> 0 OR sum(w) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard) DO UPDATE
       SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount,
           amount_x_prob = t.amount_x_prob + excluded.amount_x_prob;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS opportunity_stage_total_insert ON opportunity;
DROP TRIGGER IF EXISTS opportunity_stage_total_update ON opportunity;
DROP TRIGGER IF EXISTS opportunity_stage_total_delete ON opportunity;
DROP TRIGGER IF EXISTS opportunity_stage_total ON opportunity;
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
    CREATE TRIGGER opportunity_stage_total AFTER INSERT OR DELETE ON opportunity
      FOR EACH ROW EXECUTE FUNCTION stage_total_apply();
    CREATE TRIGGER opportunity_stage_total_update AFTER UPDATE ON opportunity
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.stage_id IS DISTINCT FROM NEW.stage_id
        OR OLD.pipeline_id IS DISTINCT FROM NEW.pipeline_id OR OLD.amount IS DISTINCT FROM NEW.amount
        OR OLD.probability IS DISTINCT FROM NEW.probability OR OLD.owner_id IS DISTINCT FROM NEW.owner_id
        OR OLD.team_id IS DISTINCT FROM NEW.team_id)
      EXECUTE FUNCTION stage_total_apply();
  ELSE
    -- a bulk import or a generator writes one aggregated upsert, not one per deal
    CREATE TRIGGER opportunity_stage_total_insert AFTER INSERT ON opportunity
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
    CREATE TRIGGER opportunity_stage_total_update AFTER UPDATE ON opportunity
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
    CREATE TRIGGER opportunity_stage_total_delete AFTER DELETE ON opportunity
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
  END IF;
END $$;
