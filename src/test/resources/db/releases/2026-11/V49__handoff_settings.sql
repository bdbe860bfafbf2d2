-- Each workspace's handoff rules: how long sales may leave a handed-off lead unanswered, and the reasons
-- sales may give when it passes on one. No row: the defaults (24 hours, the built-in reasons).
CREATE SEQUENCE handoff_settings_seq INCREMENT BY 50;
CREATE TABLE handoff_settings (
  tenant_id          bigint NOT NULL REFERENCES workspace (id),
  id                 bigint NOT NULL,
  sla_hours          integer NOT NULL CHECK (sla_hours BETWEEN 1 AND 720),
  rejection_reasons  text NOT NULL,
  version            bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX handoff_settings_tenant_uq ON handoff_settings (tenant_id);
CALL enable_tenant_isolation('handoff_settings');

-- The handoff report reads answers to handoffs from the timeline by kind and time.
CREATE INDEX timeline_entry_kind_idx ON timeline_entry (tenant_id, kind, occurred_at);
