-- Webhook subscriptions of a workspace, the outbox of deliveries (written in the transaction of the change they
-- announce) and each attempt to send one. A delivery is PENDING until it is DELIVERED, or FAILED after 24 hours.
CREATE SEQUENCE webhook_subscription_seq INCREMENT BY 50;
CREATE TABLE webhook_subscription (
  tenant_id        bigint NOT NULL REFERENCES workspace (id),
  id               bigint NOT NULL,
  url              varchar(2000) NOT NULL,
  events           varchar(1000) NOT NULL,
  description      varchar(500),
  secret           varchar(100) NOT NULL,
  status           varchar(10) NOT NULL DEFAULT 'ACTIVE',
  failures_in_row  integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  version          bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id)
);
CALL enable_tenant_isolation('webhook_subscription');

CREATE SEQUENCE webhook_delivery_seq;
CREATE TABLE webhook_delivery (
  tenant_id        bigint NOT NULL,
  id               bigint NOT NULL,
  subscription_id  bigint NOT NULL,
  event_id         uuid NOT NULL,
  event_type       varchar(40) NOT NULL,
  record_key       varchar(60) NOT NULL,
  payload          text NOT NULL,
  state            varchar(10) NOT NULL DEFAULT 'PENDING',
  attempts         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  next_attempt_at  timestamptz NOT NULL,
  lease_until      timestamptz,
  delivered_at     timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, subscription_id) REFERENCES webhook_subscription (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (tenant_id, next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_record ON webhook_delivery (tenant_id, subscription_id, record_key, id)
  WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (tenant_id, subscription_id, id);
CALL enable_tenant_isolation('webhook_delivery');

CREATE SEQUENCE webhook_attempt_seq;
CREATE TABLE webhook_attempt (
  tenant_id     bigint NOT NULL,
  id            bigint NOT NULL,
  delivery_id   bigint NOT NULL,
  attempted_at  timestamptz NOT NULL,
  status_code   integer,
  error         varchar(300),
  duration_ms   integer NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_delivery (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (tenant_id, delivery_id, id);
CALL enable_tenant_isolation('webhook_attempt');

-- What the app tells a person (a paused webhook, an automation's note): a message key and its arguments, shown
-- in the reader's language when read.
CREATE SEQUENCE notification_seq;
CREATE TABLE notification (
  tenant_id    bigint NOT NULL,
  id           bigint NOT NULL,
  user_id      bigint NOT NULL,
  message_key  varchar(100) NOT NULL,
  arguments    text NOT NULL DEFAULT '[]',
  link         varchar(300),
  created_at   timestamptz NOT NULL,
  read_at      timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_user ON notification (tenant_id, user_id, id);
CALL enable_tenant_isolation('notification');
