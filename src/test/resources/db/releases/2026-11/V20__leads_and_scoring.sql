-- Leads, their behaviour events and timeline, and each workspace's scoring model.

CREATE SEQUENCE lead_seq INCREMENT BY 50;
CREATE TABLE lead (
  tenant_id        bigint NOT NULL REFERENCES workspace (id),
  id               bigint NOT NULL,
  first_name       text CHECK (length(first_name) <= 100),
  last_name        text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  email            text CHECK (length(email) <= 254),
  phone            text CHECK (length(phone) <= 50),
  company          text CHECK (length(company) <= 200),
  title            text CHECK (length(title) <= 120),
  industry         text CHECK (length(industry) <= 120),
  country          text CHECK (length(country) <= 120),
  company_size     integer CHECK (company_size >= 0),
  annual_revenue   numeric(19, 2) CHECK (annual_revenue >= 0),
  source           text CHECK (length(source) <= 120),
  type             text NOT NULL CHECK (type IN ('UNQUALIFIED', 'MQL', 'SQL', 'PQL', 'CQL')),
  status           text NOT NULL CHECK (status IN ('NEW', 'WORKING', 'NURTURING', 'HANDED_OFF', 'ACCEPTED',
                                                   'REJECTED', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED')),
  owner_id         bigint,
  team_id          bigint,
  external_id      text CHECK (length(external_id) <= 120),
  -- Normalised keys for the duplicate check: lower case, single spaces.
  email_key        text,
  name_key         text,
  score            integer NOT NULL DEFAULT 0,
  score_breakdown  text NOT NULL DEFAULT '[]',
  sales_ready      boolean NOT NULL DEFAULT false,
  handed_off_at    timestamptz,
  handed_off_by    bigint,
  handoff_note     text,
  returned_team_id bigint,
  reason           text,
  reason_note      text,
  created_by       bigint,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  version          bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
  FOREIGN KEY (tenant_id, handed_off_by) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX lead_email_key_idx ON lead (tenant_id, email_key) WHERE email_key IS NOT NULL;
CREATE INDEX lead_name_key_idx ON lead (tenant_id, name_key) WHERE name_key IS NOT NULL;
CREATE UNIQUE INDEX lead_external_id_uq ON lead (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX lead_status_idx ON lead (tenant_id, status, created_at DESC);
CREATE INDEX lead_team_idx ON lead (tenant_id, team_id, created_at DESC);
CREATE INDEX lead_owner_idx ON lead (tenant_id, owner_id);
CREATE INDEX lead_created_idx ON lead (tenant_id, created_at DESC);
CREATE INDEX lead_handoff_idx ON lead (tenant_id, handed_off_at) WHERE status = 'HANDED_OFF';
CALL enable_tenant_isolation('lead');

-- Behaviour that scoring counts (EMAIL_OPENED, DEMO_REQUESTED, UNSUBSCRIBED, ...).
CREATE SEQUENCE lead_event_seq INCREMENT BY 50;
CREATE TABLE lead_event (
  tenant_id    bigint NOT NULL REFERENCES workspace (id),
  id           bigint NOT NULL,
  lead_id      bigint NOT NULL,
  type         text NOT NULL CHECK (length(type) BETWEEN 1 AND 60),
  occurred_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES lead (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX lead_event_lead_idx ON lead_event (tenant_id, lead_id, occurred_at DESC);
CALL enable_tenant_isolation('lead_event');

-- Everything that happened to a lead, who did it and when: status changes, events, handoffs.
CREATE SEQUENCE timeline_entry_seq INCREMENT BY 50;
CREATE TABLE timeline_entry (
  tenant_id    bigint NOT NULL REFERENCES workspace (id),
  id           bigint NOT NULL,
  lead_id      bigint NOT NULL,
  kind         text NOT NULL,
  detail       text,
  actor_id     bigint,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES lead (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, actor_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX timeline_entry_lead_idx ON timeline_entry (tenant_id, lead_id, occurred_at DESC);
CALL enable_tenant_isolation('timeline_entry');

-- One scoring model per workspace; rules kept as JSON lists because they are read and written whole.
CREATE SEQUENCE scoring_model_seq INCREMENT BY 50;
CREATE TABLE scoring_model (
  tenant_id               bigint NOT NULL REFERENCES workspace (id),
  id                      bigint NOT NULL,
  fit_rules               text NOT NULL,
  behaviour_rules         text NOT NULL,
  decay_percent_per_week  integer NOT NULL CHECK (decay_percent_per_week BETWEEN 0 AND 100),
  mql_threshold           integer NOT NULL,
  sql_threshold           integer NOT NULL,
  version                 bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX scoring_model_tenant_uq ON scoring_model (tenant_id);
CALL enable_tenant_isolation('scoring_model');
