-- What the pipeline module lets other modules read (security_invoker: row-level security binds the reader).

CREATE OR REPLACE VIEW pipeline_facts WITH (security_invoker = true) AS
SELECT tenant_id, id
FROM pipeline;

CREATE OR REPLACE VIEW stage_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, pipeline_id, name, kind, position, rotting_days, probability
FROM stage;

CREATE OR REPLACE VIEW close_reason_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, outcome, code, label
FROM close_reason;

GRANT SELECT ON pipeline_facts, stage_facts, close_reason_facts TO ${app_role};
