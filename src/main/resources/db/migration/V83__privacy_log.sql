-- What was done with one person's data on a data-protection request (exported or erased), by whom and when.
-- The log names the records by kind and id only: after an erasure it must not keep the personal data it erased.
CREATE SEQUENCE privacy_action_seq INCREMENT BY 50;
CREATE TABLE privacy_action (
  tenant_id    bigint NOT NULL REFERENCES workspace (id),
  id           bigint NOT NULL,
  action       text NOT NULL CHECK (action IN ('EXPORT', 'ERASE')),
  actor_id     bigint NOT NULL,
  lead_ids     bigint[] NOT NULL DEFAULT '{}',
  contact_ids  bigint[] NOT NULL DEFAULT '{}',
  activities   integer NOT NULL DEFAULT 0 CHECK (activities >= 0),
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, actor_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX privacy_action_time_idx ON privacy_action (tenant_id, occurred_at DESC, id DESC);
CALL enable_tenant_isolation('privacy_action');
