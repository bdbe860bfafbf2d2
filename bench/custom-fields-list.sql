-- The deal list filtered by custom fields, as GET /api/v1/opportunities?cf.region=... and ?cf.seats.gte=...
-- ask for it (Hibernate's page of the 50 newest and its count). Row-level security confines it to one workspace.
\set ws random(1, :workspaces)
\set region random(1, 4)
\set seats random(980, 995)
BEGIN;
-- As the app enters a workspace (shared.database.SessionSettings): SET LOCAL, which Citus sends to the workers.
SET LOCAL app.tenant_id = :ws;
SELECT o.id, o.name, o.amount, o.stage_id, o.custom_fields FROM opportunity o WHERE o.tenant_id = :ws AND o.custom_fields @> cast('{"region": "' || (ARRAY['EMEA', 'APAC', 'AMER', 'LATAM'])[:region] || '"}' AS jsonb) ORDER BY o.id DESC LIMIT 50;
SELECT count(o.id) FROM opportunity o WHERE o.tenant_id = :ws AND o.custom_fields @> cast('{"region": "' || (ARRAY['EMEA', 'APAC', 'AMER', 'LATAM'])[:region] || '"}' AS jsonb);
SELECT o.id, o.name, o.amount, o.stage_id, o.custom_fields FROM opportunity o WHERE o.tenant_id = :ws AND jsonb_path_exists(o.custom_fields, cast('$."seats" ? (@ >= ' || :seats || ')' AS jsonpath)) ORDER BY o.id DESC LIMIT 50;
SELECT count(o.id) FROM opportunity o WHERE o.tenant_id = :ws AND jsonb_path_exists(o.custom_fields, cast('$."seats" ? (@ >= ' || :seats || ')' AS jsonpath));
COMMIT;
