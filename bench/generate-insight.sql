-- Fills one workspace with a sales history for the dashboard benchmark: :reps reps in four teams,
-- :deals opportunities opened over three years (older ones mostly closed won or lost, with reasons),
-- three stage-history rows per deal, :leads leads with their funnel milestones (some converted into deals),
-- accounts with decision-maker contacts. Run as a superuser (row-level security does not bind it):
--   psql -v tenant=1 -v deals=1000000 -v leads=2000000 -v reps=20 -f bench/generate-insight.sql
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SELECT p.id AS pipeline_id FROM pipeline p WHERE p.tenant_id = :tenant ORDER BY p.id LIMIT 1 \gset

INSERT INTO team (tenant_id, id, name)
SELECT :tenant, nextval('team_seq'), 'Team ' || t FROM generate_series(1, 4) t;
INSERT INTO app_user (tenant_id, id, email, name, password_hash, role, team_id)
SELECT :tenant, nextval('app_user_seq'), 'rep' || r || '-' || :tenant || '@bench.example', 'Rep ' || r, 'x', 'SALES_REP',
       (SELECT id FROM team WHERE tenant_id = :tenant ORDER BY id OFFSET (r % 5) LIMIT 1)
FROM generate_series(1, :reps) r;
CREATE TEMP TABLE rep AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, team_id FROM app_user
  WHERE tenant_id = :tenant AND role = 'SALES_REP';
CREATE UNIQUE INDEX ON rep (n);
ANALYZE rep;
SELECT count(*) AS rep_count FROM rep \gset
CREATE TEMP TABLE st AS
  SELECT id, kind, position, probability FROM stage WHERE tenant_id = :tenant AND pipeline_id = :pipeline_id;
SELECT id AS won_stage FROM st WHERE kind = 'WON' \gset
SELECT id AS lost_stage FROM st WHERE kind = 'LOST' \gset
SELECT id AS first_stage FROM st WHERE kind = 'OPEN' ORDER BY position LIMIT 1 \gset

INSERT INTO account (tenant_id, id, name, normalized_name)
SELECT :tenant, nextval('account_seq'), 'Company ' || g, 'company ' || g FROM generate_series(1, :deals / 20) g;
INSERT INTO contact (tenant_id, id, account_id, last_name, buying_role)
SELECT a.tenant_id, nextval('contact_seq'), a.id, 'Contact', CASE WHEN random() < 0.4 THEN 'DECISION_MAKER' ELSE 'INFLUENCER' END
FROM account a WHERE a.tenant_id = :tenant;
CREATE TEMP TABLE acc AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM account WHERE tenant_id = :tenant;
CREATE UNIQUE INDEX ON acc (n);
ANALYZE acc;
SELECT count(*) AS acc_count FROM acc \gset

-- one row per deal: when it opened, whether and when it closed, where it stands
CREATE TEMP TABLE d AS
SELECT g, opened, CASE WHEN opened < now() - interval '120 days'
                       THEN CASE WHEN r < 0.4 THEN 'WON' WHEN r < 0.9 THEN 'LOST' ELSE 'OPEN' END
                       ELSE CASE WHEN r < 0.15 THEN 'WON' WHEN r < 0.35 THEN 'LOST' ELSE 'OPEN' END END AS status,
       random() AS r2, random() AS r3
FROM (SELECT g, now() - random() * interval '1095 days' AS opened, random() AS r FROM generate_series(1, :deals) g) x;

INSERT INTO opportunity (tenant_id, id, name, pipeline_id, stage_id, status, amount, probability, expected_close_date,
                         owner_id, team_id, source, industry, account_id, opened_at, closed_at, close_reason,
                         stage_entered_at, version)
SELECT :tenant, nextval('opportunity_seq'), 'Deal ' || d.g, :pipeline_id, s.id, d.status,
       round((1000 + d.r3 * 99000)::numeric, 2), s.probability,
       (d.opened + interval '30 days' + d.r2 * interval '210 days')::date, rep.id, rep.team_id,
       (ARRAY['Website', 'Referral', 'Cold call', 'Event', 'Partner'])[1 + d.g % 5],
       (ARRAY['Software', 'Retail', 'Manufacturing', 'Finance', 'Health', 'Energy'])[1 + d.g % 6],
       CASE WHEN d.g % 3 = 0 THEN (SELECT id FROM acc WHERE acc.n = d.g % :acc_count) END,
       d.opened, c.closed,
       CASE d.status WHEN 'WON' THEN (ARRAY['RELATIONSHIP', 'PRICE', 'PRODUCT_FIT'])[1 + d.g % 3]
                     WHEN 'LOST' THEN (ARRAY['PRICE', 'COMPETITOR', 'NO_BUDGET', 'NO_DECISION', 'TIMING'])[1 + d.g % 5] END,
       coalesce(c.closed, d.opened + d.r2 * (now() - d.opened)), 0
FROM d
JOIN rep ON rep.n = d.g % :rep_count
CROSS JOIN LATERAL (SELECT CASE WHEN d.status <> 'OPEN'
                           THEN least(now(), d.opened + (5 + d.r2 * 200) * interval '1 day') END AS closed) c
JOIN st s ON s.id = CASE d.status WHEN 'WON' THEN :won_stage WHEN 'LOST' THEN :lost_stage
                     ELSE (SELECT id FROM st WHERE kind = 'OPEN' AND position = d.g % 7) END;

-- three history rows per deal: opened into the first stage, a middle step, into where it is now. With
-- -v bulk=true the rollup trigger is off during the load and the rollup is rebuilt after it in one pass.
\if :bulk
ALTER TABLE stage_change DISABLE TRIGGER stage_change_rollup;
\endif
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
SELECT o.tenant_id, nextval('stage_change_seq'), o.id,
       CASE k WHEN 1 THEN NULL WHEN 2 THEN :first_stage ELSE mid.id END,
       CASE k WHEN 1 THEN :first_stage WHEN 2 THEN mid.id ELSE o.stage_id END,
       o.owner_id,
       CASE k WHEN 1 THEN o.opened_at WHEN 2 THEN o.opened_at + (o.stage_entered_at - o.opened_at) * 0.4
              ELSE o.stage_entered_at END
FROM opportunity o
JOIN st mid ON mid.kind = 'OPEN' AND mid.position = CASE WHEN o.stage_id = (SELECT id FROM st WHERE kind = 'OPEN' AND position = 2) THEN 1 ELSE 2 END
CROSS JOIN generate_series(1, 3) k
WHERE o.tenant_id = :tenant;
\if :bulk
ALTER TABLE stage_change ENABLE TRIGGER stage_change_rollup;
ANALYZE stage_change;
ANALYZE opportunity;

-- the day rollups, counted again for the bulk load as the application does when a time zone changes
SELECT rebuild_deal_day_rollups(:tenant), rebuild_lead_cohort_days(:tenant);
\endif

CREATE TEMP TABLE won AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM opportunity
  WHERE tenant_id = :tenant AND status <> 'LOST';
CREATE UNIQUE INDEX ON won (n);
ANALYZE won;
SELECT count(*) AS won_count FROM won \gset

-- leads: 40% reach MQL, 20% SQL, 10% are qualified, 5% converted into a deal
INSERT INTO lead (tenant_id, id, last_name, type, status, owner_id, team_id, source, created_at, updated_at,
                  mql_at, sql_at, qualified_at, converted_at, converted_opportunity_id)
SELECT :tenant, nextval('lead_seq'), 'Lead ' || g, 'UNQUALIFIED', 'NEW', rep.id, rep.team_id,
       (ARRAY['Website', 'Referral', 'Cold call', 'Event', 'Partner'])[1 + g % 5], created, created,
       CASE WHEN r < 0.4 THEN created + interval '2 days' END,
       CASE WHEN r < 0.2 THEN created + interval '5 days' END,
       CASE WHEN r < 0.1 THEN created + interval '9 days' END,
       CASE WHEN r < 0.05 THEN created + interval '12 days' END,
       CASE WHEN r < 0.05 THEN (SELECT id FROM won WHERE won.n = g % :won_count) END
FROM (SELECT g, now() - random() * interval '1095 days' AS created, random() AS r FROM generate_series(1, :leads) g) x
JOIN rep ON rep.n = g % :rep_count;

DROP TABLE d, rep, st, acc, won;
