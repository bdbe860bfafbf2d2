-- What the qualification module lets other modules read (security_invoker: row-level security binds the reader).

-- A lead's BANT letters and qualification levels (no notes), for the win model.
CREATE OR REPLACE VIEW qualification_facts WITH (security_invoker = true) AS
SELECT tenant_id, lead_id, budget_status, authority_status, need_status, timeline_status,
       organization_level, opportunity_level, stakeholder_level
FROM qualification;

GRANT SELECT ON qualification_facts TO ${app_role};
