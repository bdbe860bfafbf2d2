-- What the activity module lets other modules read (security_invoker: row-level security binds the reader).

-- When activities were logged on which record, for the win model's "activity in the last 14 days".
CREATE OR REPLACE VIEW activity_facts WITH (security_invoker = true) AS
SELECT tenant_id, record_type, record_id, occurred_at
FROM activity;

GRANT SELECT ON activity_facts TO ${app_role};
