-- What the opportunity module lets other modules read: deals and the rollups its tables feed.
-- security_invoker: the reader's own rights and row-level security apply, so a view shows one workspace.
-- Simple views: the planner inlines them, so readers keep the tables' indexes. CREATE OR REPLACE may only
-- add columns at the end; to drop or change one, DROP the view first.

-- One row per deal, with what dashboards filter and sum by.
CREATE OR REPLACE VIEW deal_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, name, pipeline_id, stage_id, status, amount, probability, expected_close_date, owner_id,
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

GRANT SELECT ON deal_facts, deal_close_facts, open_deal_facts, stage_flow_facts TO ${app_role};
