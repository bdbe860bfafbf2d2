-- The board's column totals (stage_total): statement-level triggers on opportunity with transition tables add and
-- subtract the changed open deals per pipeline, stage, owner and team, in the same transaction as the change.

-- Applies the change of one statement on opportunity: old open rows count minus, new open rows plus, netted
-- per key (an edit that touches no counted column writes nothing), in key order so that two sessions always
-- lock rows in the same order and cannot deadlock each other.
CREATE OR REPLACE FUNCTION stage_total_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  my_shard smallint := pg_backend_pid() % 16;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stage_total AS t (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
    SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0), my_shard, count(*), sum(amount),
           sum(amount * probability)
      FROM new_rows WHERE status = 'OPEN'
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard) DO UPDATE
       SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount,
           amount_x_prob = t.amount_x_prob + excluded.amount_x_prob;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stage_total AS t (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
    SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0), my_shard, -count(*), -sum(amount),
           -sum(amount * probability)
      FROM old_rows WHERE status = 'OPEN'
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard) DO UPDATE
       SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount,
           amount_x_prob = t.amount_x_prob + excluded.amount_x_prob;
  ELSE
    INSERT INTO stage_total AS t (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
    SELECT tenant_id, pipeline_id, stage_id, owner_id, team_key, my_shard, sum(n), sum(a), sum(w)
      FROM (SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0) team_key, 1 n, amount a,
                   amount * probability w
              FROM new_rows WHERE status = 'OPEN'
            UNION ALL
            SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0), -1, -amount,
                   -(amount * probability)
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

-- Statement-level with transition tables: a bulk import or a generator writes one aggregated upsert, not one per deal.
DROP TRIGGER IF EXISTS opportunity_stage_total_insert ON opportunity;
DROP TRIGGER IF EXISTS opportunity_stage_total_update ON opportunity;
DROP TRIGGER IF EXISTS opportunity_stage_total_delete ON opportunity;
CREATE TRIGGER opportunity_stage_total_insert AFTER INSERT ON opportunity
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
CREATE TRIGGER opportunity_stage_total_update AFTER UPDATE ON opportunity
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
CREATE TRIGGER opportunity_stage_total_delete AFTER DELETE ON opportunity
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
