-- Fills one workspace's first pipeline with :deals open opportunities spread over its open stages,
-- each with one stage-history row. Run as a superuser (row-level security does not bind it):
--   psql -v tenant=1 -v deals=100000 -f bench/generate-opportunities.sql
\set ON_ERROR_STOP on
SELECT p.id AS pipeline_id FROM pipeline p WHERE p.tenant_id = :tenant ORDER BY p.id LIMIT 1 \gset
SELECT min(u.id) AS owner_id FROM app_user u WHERE u.tenant_id = :tenant \gset
CREATE TEMP TABLE open_stage AS
  SELECT row_number() OVER (ORDER BY position) - 1 AS n, id, probability
  FROM stage WHERE tenant_id = :tenant AND pipeline_id = :pipeline_id AND kind = 'OPEN';
SELECT count(*) AS stages FROM open_stage \gset

-- Each deal gets its first stage-history row in the same statement (no anti-join over the growing history).
WITH deal AS (
  INSERT INTO opportunity (tenant_id, id, name, pipeline_id, stage_id, status, amount, probability,
                           expected_close_date, owner_id, source, industry, opened_at, stage_entered_at, version)
  SELECT :tenant, nextval('opportunity_seq'), 'Deal ' || g, :pipeline_id, s.id, 'OPEN',
         round((1000 + random() * 99000)::numeric, 2), s.probability,
         current_date + (g % 120), :owner_id,
         (ARRAY['Website', 'Referral', 'Cold call', 'Event', 'Partner'])[1 + g % 5],
         (ARRAY['Software', 'Retail', 'Manufacturing', 'Finance', 'Health'])[1 + g % 5],
         now() - ((g % 365) || ' days')::interval, now() - ((g % 60) || ' days')::interval - (g || ' seconds')::interval, 0
  FROM generate_series(1, :deals) g
  JOIN open_stage s ON s.n = g % :stages
  RETURNING tenant_id, id, stage_id, owner_id, opened_at)
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
SELECT tenant_id, nextval('stage_change_seq'), id, NULL, stage_id, owner_id, opened_at FROM deal;

ANALYZE opportunity;
ANALYZE stage_change;
