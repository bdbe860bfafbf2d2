-- What the lead module lets other modules read (security_invoker: row-level security binds the reader).

-- When each lead was qualified, and whose it is.
CREATE OR REPLACE VIEW lead_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, owner_id, team_id, qualified_at
FROM lead;

-- Leads per creation day (the workspace's day), owner, team and source, and how many reached each milestone.
CREATE OR REPLACE VIEW lead_cohort_facts WITH (security_invoker = true) AS
SELECT tenant_id, day, owner_id, team_id, source, leads, mql, sql, converted, won
FROM lead_cohort_day;

-- Which deal each converted lead became, so that a deal a lead was converted into is known to have been worked.
CREATE OR REPLACE VIEW lead_conversion_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, converted_opportunity_id
FROM lead
WHERE converted_opportunity_id IS NOT NULL;

GRANT SELECT ON lead_facts, lead_cohort_facts, lead_conversion_facts TO ${app_role};
