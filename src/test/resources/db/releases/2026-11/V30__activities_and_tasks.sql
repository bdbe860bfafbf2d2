-- Activities (calls, meetings, e-mails logged by hand, notes) and tasks, each linked to a record of
-- another module by (record_type, record_id). No foreign key to those records: their tables belong to
-- other modules, which check existence through the activity module's ActivityRecords SPI.

CREATE SEQUENCE activity_seq INCREMENT BY 50;
CREATE TABLE activity (
  tenant_id         bigint NOT NULL REFERENCES workspace (id),
  id                bigint NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('CALL', 'MEETING', 'EMAIL', 'NOTE')),
  record_type       text NOT NULL CHECK (record_type IN ('LEAD', 'CONTACT', 'ACCOUNT', 'OPPORTUNITY')),
  record_id         bigint NOT NULL,
  subject           text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body              text CHECK (length(body) <= 20000),
  direction         text CHECK (direction IN ('INBOUND', 'OUTBOUND')),
  occurred_at       timestamptz NOT NULL,
  duration_minutes  int CHECK (duration_minutes BETWEEN 0 AND 1440),
  outcome           text CHECK (length(outcome) <= 200),
  author_id         bigint NOT NULL,
  -- Participants as id arrays: contacts live in the account module (no table here to point at), and
  -- the service checks user ids against the workspace's people when an activity is saved.
  participant_user_ids     bigint[] NOT NULL DEFAULT '{}',
  participant_contact_ids  bigint[] NOT NULL DEFAULT '{}',
  created_at        timestamptz NOT NULL DEFAULT now(),
  version           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, author_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX activity_record_idx ON activity (tenant_id, record_type, record_id, occurred_at DESC);
CREATE INDEX activity_author_idx ON activity (tenant_id, author_id);
CALL enable_tenant_isolation('activity');

CREATE SEQUENCE sales_task_seq INCREMENT BY 50;
CREATE TABLE sales_task (
  tenant_id     bigint NOT NULL REFERENCES workspace (id),
  id            bigint NOT NULL,
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  due_at        timestamptz NOT NULL,
  priority      text NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH')),
  assignee_id   bigint NOT NULL,
  created_by    bigint NOT NULL,
  record_type   text CHECK (record_type IN ('LEAD', 'CONTACT', 'ACCOUNT', 'OPPORTUNITY')),
  record_id     bigint,
  completed_at  timestamptz,
  reminded_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  CHECK ((record_type IS NULL) = (record_id IS NULL)),
  FOREIGN KEY (tenant_id, assignee_id) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES app_user (tenant_id, id)
);
-- My tasks, the navigation count and reminders: open tasks of one person by due time.
CREATE INDEX sales_task_assignee_idx ON sales_task (tenant_id, assignee_id, completed_at, due_at);
-- A record's timeline and its next step (earliest open task).
CREATE INDEX sales_task_record_idx ON sales_task (tenant_id, record_type, record_id, due_at);
CALL enable_tenant_isolation('sales_task');
