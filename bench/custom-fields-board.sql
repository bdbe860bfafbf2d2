-- The board's first page filtered by a custom field value (cf.tier=T<n>), as Board.java asks for it: totals
-- summed from the matching deals (the kept stage totals know no field values), then the first 21 cards of each
-- of the seven open columns. Row-level security confines it to one workspace.
\set ws random(1, :workspaces)
\set tier random(0, 19)
BEGIN;
-- As the app enters a workspace (shared.database.SessionSettings): SET LOCAL, which Citus sends to the workers.
SET LOCAL app.tenant_id = :ws;
SELECT id AS pipeline FROM pipeline ORDER BY id LIMIT 1 \gset
SELECT stage_id, count(*) n, coalesce(sum(amount), 0) amount, coalesce(sum(amount * probability), 0) amount_x_prob FROM opportunity o WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) GROUP BY stage_id;
SELECT id AS s0 FROM stage WHERE pipeline_id = :pipeline AND position = 0 \gset
SELECT o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version FROM opportunity o LEFT JOIN account a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) AND o.stage_id = :s0 ORDER BY o.stage_entered_at DESC, o.id DESC LIMIT 21;
SELECT id AS s1 FROM stage WHERE pipeline_id = :pipeline AND position = 1 \gset
SELECT o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version FROM opportunity o LEFT JOIN account a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) AND o.stage_id = :s1 ORDER BY o.stage_entered_at DESC, o.id DESC LIMIT 21;
SELECT id AS s2 FROM stage WHERE pipeline_id = :pipeline AND position = 2 \gset
SELECT o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version FROM opportunity o LEFT JOIN account a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) AND o.stage_id = :s2 ORDER BY o.stage_entered_at DESC, o.id DESC LIMIT 21;
SELECT id AS s3 FROM stage WHERE pipeline_id = :pipeline AND position = 3 \gset
SELECT o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version FROM opportunity o LEFT JOIN account a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) AND o.stage_id = :s3 ORDER BY o.stage_entered_at DESC, o.id DESC LIMIT 21;
SELECT id AS s4 FROM stage WHERE pipeline_id = :pipeline AND position = 4 \gset
SELECT o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version FROM opportunity o LEFT JOIN account a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) AND o.stage_id = :s4 ORDER BY o.stage_entered_at DESC, o.id DESC LIMIT 21;
SELECT id AS s5 FROM stage WHERE pipeline_id = :pipeline AND position = 5 \gset
SELECT o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version FROM opportunity o LEFT JOIN account a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) AND o.stage_id = :s5 ORDER BY o.stage_entered_at DESC, o.id DESC LIMIT 21;
SELECT id AS s6 FROM stage WHERE pipeline_id = :pipeline AND position = 6 \gset
SELECT o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version FROM opportunity o LEFT JOIN account a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.pipeline_id = :pipeline AND o.status = 'OPEN' AND o.custom_fields @> cast('{"tier": "T' || :tier || '"}' AS jsonb) AND o.stage_id = :s6 ORDER BY o.stage_entered_at DESC, o.id DESC LIMIT 21;
COMMIT;
