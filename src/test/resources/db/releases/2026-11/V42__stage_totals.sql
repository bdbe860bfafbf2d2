-- Column totals of the board (count, amount, probability-weighted amount of the open deals of each stage),
-- kept up to date by the database in the same transaction as every change to a deal, so that reading the
-- board never sums 100,000 deals. One row per pipeline, stage, owner and team, so the owner, team and
-- visibility filters can still be applied; split into shards (one per group of database sessions) so that
-- concurrent moves into the same column do not queue up on one row. The board sums the shards.
CREATE TABLE stage_total (
  tenant_id      bigint NOT NULL REFERENCES workspace (id),
  pipeline_id    bigint NOT NULL,
  stage_id       bigint NOT NULL,
  owner_id       bigint NOT NULL,
  -- The deal's team, 0 for none: part of the key, which cannot hold nulls.
  team_key       bigint NOT NULL,
  shard          smallint NOT NULL,
  deals          bigint NOT NULL DEFAULT 0,
  amount         numeric(20, 2) NOT NULL DEFAULT 0,
  -- Sum of amount × probability (percent); the weighted amount is this ÷ 100, exact.
  amount_x_prob  numeric(24, 2) NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard),
  FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipeline (tenant_id, id) ON DELETE CASCADE,
  -- Only an empty stage can be deleted (the deal's key refuses otherwise); its zero rows go with it.
  FOREIGN KEY (tenant_id, stage_id) REFERENCES stage (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id)
);

-- Applies the change of one statement on opportunity: old open rows count minus, new open rows plus, netted
-- per key (an edit that touches no counted column writes nothing), in key order so that two sessions always
-- lock rows in the same order and cannot deadlock each other.
CREATE FUNCTION stage_total_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER opportunity_stage_total_insert AFTER INSERT ON opportunity
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
CREATE TRIGGER opportunity_stage_total_update AFTER UPDATE ON opportunity
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();
CREATE TRIGGER opportunity_stage_total_delete AFTER DELETE ON opportunity
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_total_apply();

-- Backfill from the deals already there. Row-level security is forced on the owner too, so it is lifted for
-- this one statement (inside the migration's transaction) and forced again.
ALTER TABLE opportunity NO FORCE ROW LEVEL SECURITY;
INSERT INTO stage_total (tenant_id, pipeline_id, stage_id, owner_id, team_key, shard, deals, amount, amount_x_prob)
SELECT tenant_id, pipeline_id, stage_id, owner_id, coalesce(team_id, 0), 0, count(*), sum(amount),
       sum(amount * probability)
  FROM opportunity WHERE status = 'OPEN'
 GROUP BY 1, 2, 3, 4, 5;
ALTER TABLE opportunity FORCE ROW LEVEL SECURITY;

CALL enable_tenant_isolation('stage_total');
