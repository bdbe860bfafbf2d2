-- One stage move, with the statements the app's move runs (DealMoves.move): read the deal and the target
-- stage, update the deal guarded by its version, record the stage change. Picks a random deal of a random workspace.
\set ws random(1, :workspaces)
\set n random(1, :per_workspace)
\set pos random(0, 6)
SELECT id AS deal FROM bench_deal WHERE ws = :ws AND n = :n \gset
BEGIN;
-- As the app enters a workspace (shared.database.SessionSettings): SET LOCAL, which Citus sends to the workers.
SET LOCAL app.tenant_id = :ws;
SELECT stage_id AS from_stage, version AS v, pipeline_id AS pipeline, owner_id AS who FROM opportunity WHERE id = :deal \gset
SELECT id AS to_stage, probability AS prob FROM stage WHERE pipeline_id = :pipeline AND position = :pos \gset
UPDATE opportunity SET stage_id = :to_stage, probability = :prob, stage_entered_at = now(), version = version + 1
  WHERE id = :deal AND version = :v;
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
  VALUES (:ws, nextval('stage_change_seq'), :deal, :from_stage, :to_stage, :who, now());
COMMIT;
