-- Stage automations: a rule per trigger (a deal enters a stage, is won or lost; a lead reaches a status) with the
-- actions it takes, kept as JSON. Each run is written once per trigger (the unique key), which is also what the
-- record's timeline shows.
CREATE SEQUENCE automation_rule_seq INCREMENT BY 50;
CREATE TABLE automation_rule (
  tenant_id     bigint NOT NULL REFERENCES workspace (id),
  id            bigint NOT NULL,
  name          varchar(120) NOT NULL,
  trigger_type  varchar(20) NOT NULL,
  pipeline_id   bigint,
  stage_id      bigint,
  lead_status   varchar(20),
  actions       text NOT NULL,
  enabled       boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL,
  version       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipeline (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, stage_id) REFERENCES stage (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX automation_rule_trigger ON automation_rule (tenant_id, trigger_type);
CALL enable_tenant_isolation('automation_rule');

CREATE SEQUENCE automation_run_seq;
CREATE TABLE automation_run (
  tenant_id    bigint NOT NULL,
  id           bigint NOT NULL,
  rule_id      bigint NOT NULL,
  rule_name    varchar(120) NOT NULL,
  trigger_key  varchar(120) NOT NULL,
  record_type  varchar(20) NOT NULL,
  record_id    bigint NOT NULL,
  effects      text NOT NULL DEFAULT '[]',
  ran_at       timestamptz NOT NULL,
  actor_id     bigint,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, rule_id) REFERENCES automation_rule (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX automation_run_once ON automation_run (tenant_id, rule_id, trigger_key);
CREATE INDEX automation_run_record ON automation_run (tenant_id, record_type, record_id, ran_at);
CALL enable_tenant_isolation('automation_run');
