-- What the tenant module lets other modules read (security_invoker: row-level security binds the reader).

-- The workspace's own row: a multi-row insert that selects its rows from arrays joins it, so that on Citus the
-- insert runs where the workspace's rows live (see LeadBulkImport).
CREATE OR REPLACE VIEW workspace_facts WITH (security_invoker = true) AS
SELECT id, time_zone
FROM workspace;

GRANT SELECT ON workspace_facts TO ${app_role};
