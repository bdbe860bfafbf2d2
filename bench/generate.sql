-- Benchmark data: :workspaces workspaces, each with 5 people, the default nine-stage pipeline and
-- :per_workspace open opportunities spread over its seven open stages, entered over the last year.
\timing on
INSERT INTO workspace (id, name, form_key)
SELECT nextval('workspace_seq'), 'Bench ' || g, md5(random()::text) FROM generate_series(1, :workspaces) g;

INSERT INTO app_user (tenant_id, id, email, name, password_hash, role)
SELECT w.id, nextval('app_user_seq'), 'rep' || u || '-' || w.id || '@bench.example', 'Rep ' || u, 'x', 'SALES_REP'
FROM workspace w, generate_series(1, 5) u;

INSERT INTO pipeline (tenant_id, id, name) SELECT id, nextval('pipeline_seq'), 'Sales' FROM workspace;

INSERT INTO stage (tenant_id, id, pipeline_id, name, kind, position, probability, rotting_days)
SELECT p.tenant_id, nextval('stage_seq'), p.id, s.name, s.kind, s.pos, s.prob, s.rot
FROM pipeline p, (VALUES ('Prospecting', 'OPEN', 0, 10, 14), ('Lead qualification', 'OPEN', 1, 20, 14),
  ('Call/meeting/demo', 'OPEN', 2, 40, 21), ('Proposal', 'OPEN', 3, 60, 21),
  ('Negotiation and commitment', 'OPEN', 4, 80, 30), ('Contract signed', 'OPEN', 5, 95, 14),
  ('After-sale', 'OPEN', 6, 100, 60), ('Closed won', 'WON', 7, 100, NULL), ('Closed lost', 'LOST', 8, 0, NULL))
  AS s(name, kind, pos, prob, rot);

-- Each deal: a random open stage and owner of its workspace, entered its stage in the last year.
INSERT INTO opportunity (tenant_id, id, name, pipeline_id, stage_id, status, amount, probability, owner_id,
                         opened_at, stage_entered_at)
SELECT p.tenant_id, nextval('opportunity_seq'), 'Deal ' || g, p.id, st.id, 'OPEN',
       round((1000 + random() * 99000)::numeric, 2), st.probability, u.id,
       now() - interval '400 days', now() - random() * interval '365 days'
FROM pipeline p
CROSS JOIN generate_series(1, :per_workspace) g
JOIN LATERAL (SELECT id, probability FROM stage s WHERE s.tenant_id = p.tenant_id AND s.kind = 'OPEN'
              AND s.position = (g % 7)) st ON true
JOIN LATERAL (SELECT id FROM app_user a WHERE a.tenant_id = p.tenant_id ORDER BY id OFFSET (g % 5) LIMIT 1) u ON true;

VACUUM ANALYZE;
SELECT count(*) AS opportunities FROM opportunity;

-- For the move benchmark only: the n-th deal of each workspace, so clients can pick a random one cheaply.
-- Not a tenant table (the benchmark's own lookup); the app never reads it.
CREATE TABLE bench_deal AS
SELECT tenant_id AS ws, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS n, id FROM opportunity;
CREATE UNIQUE INDEX ON bench_deal (ws, n);
GRANT SELECT ON bench_deal TO bench_pipeline_app;
ANALYZE bench_deal;
