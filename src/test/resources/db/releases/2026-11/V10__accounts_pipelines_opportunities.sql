-- Companies and people we sell to, the pipelines deals travel through, the deals and their stage history.

CREATE SEQUENCE account_seq INCREMENT BY 50;
CREATE TABLE account (
  tenant_id        bigint NOT NULL REFERENCES workspace (id),
  id               bigint NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  normalized_name  text NOT NULL,
  domain           text,
  industry         text,
  company_size     text,
  annual_revenue   numeric(18, 2),
  country          text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id)
);
-- findOrCreateByName matches on the normalised name: one account per company.
CREATE INDEX account_name_idx ON account (tenant_id, normalized_name);
CALL enable_tenant_isolation('account');

CREATE SEQUENCE contact_seq INCREMENT BY 50;
CREATE TABLE contact (
  tenant_id    bigint NOT NULL REFERENCES workspace (id),
  id           bigint NOT NULL,
  account_id   bigint NOT NULL,
  first_name   text,
  last_name    text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
  email        text,
  phone        text,
  title        text,
  buying_role  text CHECK (buying_role IN ('DECISION_MAKER', 'ECONOMIC_BUYER', 'INFLUENCER', 'CHAMPION', 'USER', 'BLOCKER')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  version      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id)
);
CREATE INDEX contact_account_idx ON contact (tenant_id, account_id);
CALL enable_tenant_isolation('contact');

CREATE SEQUENCE pipeline_seq INCREMENT BY 50;
CREATE TABLE pipeline (
  tenant_id   bigint NOT NULL REFERENCES workspace (id),
  id          bigint NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  team_id     bigint,
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id)
);
CALL enable_tenant_isolation('pipeline');

CREATE SEQUENCE stage_seq INCREMENT BY 50;
CREATE TABLE stage (
  tenant_id      bigint NOT NULL REFERENCES workspace (id),
  id             bigint NOT NULL,
  pipeline_id    bigint NOT NULL,
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  kind           text NOT NULL CHECK (kind IN ('OPEN', 'WON', 'LOST')),
  position       int NOT NULL,
  probability    int NOT NULL CHECK (probability BETWEEN 0 AND 100),
  rotting_days   int CHECK (rotting_days > 0),
  -- Exit criteria: one checklist item per line.
  exit_criteria  text NOT NULL DEFAULT '',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipeline (tenant_id, id)
);
CREATE INDEX stage_pipeline_idx ON stage (tenant_id, pipeline_id, position);
CALL enable_tenant_isolation('stage');

CREATE SEQUENCE close_reason_seq INCREMENT BY 50;
CREATE TABLE close_reason (
  tenant_id  bigint NOT NULL REFERENCES workspace (id),
  id         bigint NOT NULL,
  outcome    text NOT NULL CHECK (outcome IN ('WON', 'LOST')),
  code       text NOT NULL CHECK (length(code) BETWEEN 1 AND 80),
  label      text NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  position   int NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX close_reason_code_uq ON close_reason (tenant_id, outcome, code);
CALL enable_tenant_isolation('close_reason');

CREATE SEQUENCE opportunity_seq INCREMENT BY 50;
CREATE TABLE opportunity (
  tenant_id            bigint NOT NULL REFERENCES workspace (id),
  id                   bigint NOT NULL,
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  pipeline_id          bigint NOT NULL,
  stage_id             bigint NOT NULL,
  status               text NOT NULL CHECK (status IN ('OPEN', 'WON', 'LOST')),
  amount               numeric(18, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  probability          int NOT NULL CHECK (probability BETWEEN 0 AND 100),
  expected_close_date  date,
  owner_id             bigint NOT NULL,
  team_id              bigint,
  source               text,
  industry             text,
  next_step            text,
  account_id           bigint,
  contact_id           bigint,
  opened_at            timestamptz NOT NULL,
  closed_at            timestamptz,
  close_reason         text,
  close_note           text,
  stage_entered_at     timestamptz NOT NULL,
  last_activity_at     timestamptz,
  version              bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipeline (tenant_id, id),
  -- A stage that still holds deals cannot be deleted: this key refuses it.
  FOREIGN KEY (tenant_id, stage_id) REFERENCES stage (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES account (tenant_id, id),
  FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id)
);
-- The board reads each column newest-in-stage first, by keyset, only open deals; the included columns let
-- the column totals (count, amount, weighted amount) come from the index alone.
CREATE INDEX opportunity_board_idx ON opportunity (tenant_id, pipeline_id, stage_id, stage_entered_at DESC, id DESC)
  INCLUDE (amount, probability, owner_id, team_id) WHERE status = 'OPEN';
CREATE INDEX opportunity_owner_idx ON opportunity (tenant_id, owner_id, status);
CREATE INDEX opportunity_account_idx ON opportunity (tenant_id, account_id);
CALL enable_tenant_isolation('opportunity');

CREATE SEQUENCE stage_change_seq INCREMENT BY 50;
CREATE TABLE stage_change (
  tenant_id       bigint NOT NULL REFERENCES workspace (id),
  id              bigint NOT NULL,
  opportunity_id  bigint NOT NULL,
  from_stage_id   bigint,
  to_stage_id     bigint NOT NULL,
  changed_by      bigint NOT NULL,
  changed_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  -- Stage ids carry no key: history outlives a deleted stage.
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunity (tenant_id, id),
  FOREIGN KEY (tenant_id, changed_by) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX stage_change_opportunity_idx ON stage_change (tenant_id, opportunity_id, changed_at);
CALL enable_tenant_isolation('stage_change');
