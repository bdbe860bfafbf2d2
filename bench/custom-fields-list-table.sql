-- The deal list filtered by custom fields through the value table (V95), as GET /api/v1/opportunities?cf.region=...
-- and ?cf.seats.gte=... ask for it with CustomFieldFilter.specification (Hibernate's page of the 50 newest and its count). Row-level security confines it to one workspace.
\set ws random(1, :workspaces)
\set region random(1, 4)
\set seats random(980, 995)
BEGIN;
SELECT set_config('app.tenant_id', :ws::text, true);
SELECT o.id, o.name, o.amount, o.stage_id, o.custom_fields FROM opportunity o WHERE o.tenant_id = :ws AND o.id IN (SELECT v.record_id FROM custom_field_value v WHERE v.tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint AND v.field_id = 1 AND v.text_value = (ARRAY['EMEA', 'APAC', 'AMER', 'LATAM'])[:region]) ORDER BY o.id DESC LIMIT 50;
SELECT count(o.id) FROM opportunity o WHERE o.tenant_id = :ws AND o.id IN (SELECT v.record_id FROM custom_field_value v WHERE v.tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint AND v.field_id = 1 AND v.text_value = (ARRAY['EMEA', 'APAC', 'AMER', 'LATAM'])[:region]);
SELECT o.id, o.name, o.amount, o.stage_id, o.custom_fields FROM opportunity o WHERE o.tenant_id = :ws AND o.id IN (SELECT v.record_id FROM custom_field_value v WHERE v.tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint AND v.field_id = 3 AND v.number_key >= :seats AND v.number_value >= :seats) ORDER BY o.id DESC LIMIT 50;
SELECT count(o.id) FROM opportunity o WHERE o.tenant_id = :ws AND o.id IN (SELECT v.record_id FROM custom_field_value v WHERE v.tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint AND v.field_id = 3 AND v.number_key >= :seats AND v.number_value >= :seats);
COMMIT;
