-- A workspace as the 2026-11 release left it: people, a pipeline, deals moved across stages (one back again), won
-- and lost deals, and leads at each point of the funnel, some converted into the deals. Written as the owner role
-- inside the workspace (row-level security is forced on the owner too), so every trigger of that release fires.
-- Tehran's time zone: deals close around midnight there, so a day cut in UTC would show.
SELECT set_config('app.tenant_id', '71', false);
INSERT INTO workspace (id, name, currency, time_zone, form_key)
VALUES (71, 'Release workspace', 'IRR', 'Asia/Tehran', 'release-2026-11-form');
INSERT INTO team (tenant_id, id, name) VALUES (71, 1, 'Tehran sales');
INSERT INTO app_user (tenant_id, id, email, name, password_hash, role, team_id) VALUES
  (71, 1, 'admin@release.example', 'Admin', '-', 'ADMIN', NULL),
  (71, 2, 'sara@release.example', 'Sara', '-', 'SALES_REP', 1),
  (71, 3, 'reza@release.example', 'Reza', '-', 'SALES_REP', NULL);
INSERT INTO pipeline (tenant_id, id, name) VALUES (71, 1, 'Sales');
INSERT INTO stage (tenant_id, id, pipeline_id, name, kind, position, probability) VALUES
  (71, 1, 1, 'Qualify', 'OPEN', 1, 10),
  (71, 2, 1, 'Propose', 'OPEN', 2, 50),
  (71, 3, 1, 'Negotiate', 'OPEN', 3, 80),
  (71, 4, 1, 'Won', 'WON', 4, 100),
  (71, 5, 1, 'Lost', 'LOST', 5, 0);

-- 30 deals opened through March at 20:00 UTC (23:30 in Tehran), half of them Sara's (in the team), half Reza's.
INSERT INTO opportunity (tenant_id, id, name, pipeline_id, stage_id, status, amount, probability, owner_id, team_id,
                         source, opened_at, stage_entered_at, expected_close_date)
SELECT 71, g, 'Deal ' || g, 1, 1, 'OPEN', 1000 * g, 10, CASE WHEN g % 2 = 0 THEN 2 ELSE 3 END,
       CASE WHEN g % 2 = 0 THEN 1 END, CASE g % 3 WHEN 0 THEN 'Referral' WHEN 1 THEN 'Website' END,
       timestamptz '2026-03-01 20:00+00' + g * interval '1 day', timestamptz '2026-03-01 20:00+00' + g * interval '1 day',
       date '2026-06-01' + g
  FROM generate_series(1, 30) g;
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
SELECT 71, id, id, NULL, 1, 1, opened_at FROM opportunity;

-- Leads of March, four of them converted into deals that are later won or lost.
INSERT INTO lead (tenant_id, id, last_name, company, source, type, status, owner_id, team_id, created_at, updated_at,
                  converted_at, converted_opportunity_id)
SELECT 71, g, 'Lead ' || g, 'Company ' || g, CASE WHEN g % 2 = 0 THEN 'Webinar' END,
       CASE WHEN g % 4 = 0 THEN 'SQL' WHEN g % 4 = 1 THEN 'MQL' ELSE 'UNQUALIFIED' END,
       CASE WHEN g <= 4 THEN 'CONVERTED' ELSE 'NEW' END, CASE WHEN g % 3 = 0 THEN NULL ELSE 2 + g % 2 END,
       CASE WHEN g % 3 <> 0 AND g % 2 = 0 THEN 1 END,
       timestamptz '2026-03-01 21:00+00' + g * interval '1 day', timestamptz '2026-03-01 21:00+00' + g * interval '1 day',
       CASE WHEN g <= 4 THEN timestamptz '2026-03-01 22:00+00' + g * interval '1 day' END,
       CASE WHEN g <= 4 THEN g * 3 END
  FROM generate_series(1, 16) g;
-- A lead handed off, one changing owner: the cohort rows move.
UPDATE lead SET status = 'HANDED_OFF', updated_at = created_at + interval '1 hour' WHERE id = 6;
UPDATE lead SET owner_id = 3, team_id = NULL WHERE id = 8;

-- Most deals move on to Propose, some further to Negotiate; deal 7 goes back to Propose.
UPDATE opportunity SET stage_id = 2, probability = 50, stage_entered_at = opened_at + interval '2 days'
 WHERE id % 4 <> 0;
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
SELECT 71, 100 + id, id, 1, 2, owner_id, opened_at + interval '2 days' FROM opportunity WHERE id % 4 <> 0;
UPDATE opportunity SET stage_id = 3, probability = 80, stage_entered_at = opened_at + interval '5 days'
 WHERE id % 4 IN (2, 3);
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
SELECT 71, 200 + id, id, 2, 3, owner_id, opened_at + interval '5 days' FROM opportunity WHERE id % 4 IN (2, 3);
UPDATE opportunity SET stage_id = 2, probability = 50, stage_entered_at = opened_at + interval '6 days' WHERE id = 7;
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
VALUES (71, 307, 7, 3, 2, 3, timestamptz '2026-03-08 20:00+00' + interval '6 days');

-- Every third deal won, every fifth otherwise lost, closed at 20:45 UTC (00:15 the next day in Tehran).
UPDATE opportunity SET stage_id = 4, status = 'WON', probability = 100,
       closed_at = opened_at + interval '9 days 45 minutes', stage_entered_at = opened_at + interval '9 days 45 minutes'
 WHERE id % 3 = 0;
UPDATE opportunity SET stage_id = 5, status = 'LOST', probability = 0, close_reason = 'PRICE',
       closed_at = opened_at + interval '8 days 45 minutes', stage_entered_at = opened_at + interval '8 days 45 minutes'
 WHERE id % 5 = 0 AND id % 3 <> 0;
INSERT INTO stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)
SELECT 71, 400 + c.opportunity_id, c.opportunity_id, c.to_stage_id, o.stage_id, o.owner_id, o.closed_at
  FROM opportunity o
  JOIN LATERAL (SELECT opportunity_id, to_stage_id FROM stage_change s
                 WHERE s.opportunity_id = o.id ORDER BY changed_at DESC LIMIT 1) c ON true
 WHERE o.status <> 'OPEN';
