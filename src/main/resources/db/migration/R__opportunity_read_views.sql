-- What the opportunity module lets other modules read: deals and the rollups its tables feed.
-- security_invoker: the reader's own rights and row-level security apply, so a view shows one workspace.
-- Simple views: the planner inlines them, so readers keep the tables' indexes. CREATE OR REPLACE may only
-- add columns at the end; to drop or change one, DROP the view first.

-- One row per deal, with what dashboards filter and sum by; a deal without an amount counts as 0.
CREATE OR REPLACE VIEW deal_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, name, pipeline_id, stage_id, status, coalesce(amount, 0)::numeric(18, 2) AS amount, probability, expected_close_date, owner_id,
       team_id, source, industry, account_id, closed_at, close_reason, stage_entered_at,
       forecast_category, forecast_category_overridden
FROM opportunity;

-- Closed deals per close day (the workspace's day), pipeline, owner, team and outcome.
CREATE OR REPLACE VIEW deal_close_facts WITH (security_invoker = true) AS
SELECT tenant_id, day, pipeline_id, owner_id, team_id, status, deals, amount, age_seconds
FROM deal_close_day;

-- Open deals per pipeline, stage, owner and team.
CREATE OR REPLACE VIEW open_deal_facts WITH (security_invoker = true) AS
SELECT tenant_id, pipeline_id, stage_id, owner_id, team_id, deals, amount, weighted
FROM open_deal_stage;

-- Deals entering and leaving each stage per day, owner and team.
CREATE OR REPLACE VIEW stage_flow_facts WITH (security_invoker = true) AS
SELECT tenant_id, day, stage_id, owner_id, team_id, entered, exited, exited_forward, seconds_in_stage
FROM stage_exit_day;

-- What the win model learns from and scores: each deal's signals, and for a closed deal the stage it closed from
-- and when it entered that stage (its last stage change's origin).
CREATE OR REPLACE VIEW deal_signal_facts WITH (security_invoker = true) AS
SELECT o.tenant_id, o.id, o.pipeline_id, o.stage_id, o.status, o.amount, o.probability, o.owner_id, o.source,
       o.industry, o.opened_at, o.closed_at, o.stage_entered_at, o.source_lead_id, o.custom_fields,
       closing.from_stage_id AS closed_from_stage_id, closing.from_entered_at AS closed_from_entered_at
FROM opportunity o
LEFT JOIN LATERAL (
  SELECT c.from_stage_id,
         (SELECT max(p.changed_at) FROM stage_change p
          WHERE p.tenant_id = c.tenant_id AND p.opportunity_id = c.opportunity_id
            AND p.changed_at < c.changed_at) AS from_entered_at
  FROM stage_change c
  WHERE c.tenant_id = o.tenant_id AND c.opportunity_id = o.id AND o.status <> 'OPEN'
  ORDER BY c.changed_at DESC, c.id DESC
  LIMIT 1) closing ON true;

GRANT SELECT ON deal_facts, deal_close_facts, open_deal_facts, stage_flow_facts, deal_signal_facts TO ${app_role};
