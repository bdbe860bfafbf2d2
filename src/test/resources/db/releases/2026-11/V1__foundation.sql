-- Foundation: workspaces (tenants), teams, users, API tokens, and the isolation every later table uses.

-- The app role owns nothing and is granted data rights on everything the owner creates from now on.
GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- Every tenant-owned table calls this: rows are visible and writable only inside their workspace,
-- for the owner too (FORCE). After a transaction-local set_config the setting reads '' in later
-- transactions of a pooled connection: nullif keeps that failing closed.
CREATE PROCEDURE enable_tenant_isolation(tbl regclass)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING '
      || '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::bigint)', tbl);
END $$;

CREATE SEQUENCE workspace_seq;
CREATE TABLE workspace (
  id          bigint PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  currency    text NOT NULL DEFAULT 'USD',
  time_zone   text NOT NULL DEFAULT 'UTC',
  form_key    text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     bigint NOT NULL DEFAULT 0
);
ALTER TABLE workspace ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace FORCE ROW LEVEL SECURITY;
CREATE POLICY own_workspace ON workspace
  USING (id = nullif(current_setting('app.tenant_id', true), '')::bigint);
-- Background work lists workspace ids (and nothing else of them) to visit each in turn.
CREATE POLICY list_workspaces ON workspace FOR SELECT
  USING (current_setting('app.list_workspaces', true) = 'on');
-- The public web-to-lead form finds its workspace by the form key it was given.
CREATE POLICY form_key_lookup ON workspace FOR SELECT
  USING (form_key = nullif(current_setting('app.form_key', true), ''));

CREATE SEQUENCE team_seq INCREMENT BY 50;
CREATE TABLE team (
  tenant_id   bigint NOT NULL REFERENCES workspace (id),
  id          bigint NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX team_name_uq ON team (tenant_id, lower(name));
CALL enable_tenant_isolation('team');

CREATE SEQUENCE app_user_seq INCREMENT BY 50;
CREATE TABLE app_user (
  tenant_id      bigint NOT NULL REFERENCES workspace (id),
  id             bigint NOT NULL,
  email          text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('ADMIN', 'MANAGER', 'SALES_REP', 'MARKETER')),
  team_id        bigint,
  active         boolean NOT NULL DEFAULT true,
  locale         text NOT NULL DEFAULT 'en',
  created_at     timestamptz NOT NULL DEFAULT now(),
  version        bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id)
);
-- One e-mail signs in to one workspace: login happens before the workspace is known.
CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email));
CREATE INDEX app_user_team_idx ON app_user (tenant_id, team_id);
CALL enable_tenant_isolation('app_user');
-- Signing in reads exactly the one user whose e-mail is being checked, before any workspace is set.
CREATE POLICY login_lookup ON app_user FOR SELECT
  USING (lower(email) = nullif(current_setting('app.login_email', true), ''));

CREATE SEQUENCE api_token_seq INCREMENT BY 50;
CREATE TABLE api_token (
  tenant_id     bigint NOT NULL REFERENCES workspace (id),
  id            bigint NOT NULL,
  user_id       bigint NOT NULL,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX api_token_user_idx ON api_token (tenant_id, user_id);
CALL enable_tenant_isolation('api_token');
CREATE POLICY token_lookup ON api_token FOR SELECT
  USING (token_hash = nullif(current_setting('app.token_hash', true), ''));

-- Remember-me series (Spring Security's persistent token store); keyed by e-mail, not by workspace.
CREATE TABLE persistent_logins (
  username   varchar(254) NOT NULL,
  series     varchar(64) PRIMARY KEY,
  token      varchar(64) NOT NULL,
  last_used  timestamp NOT NULL
);

-- Spring Modulith's event publication registry (JDBC, schema v2).
CREATE TABLE event_publication (
  id                      uuid NOT NULL PRIMARY KEY,
  listener_id             text NOT NULL,
  event_type              text NOT NULL,
  serialized_event        text NOT NULL,
  publication_date        timestamptz NOT NULL,
  completion_date         timestamptz,
  status                  text,
  completion_attempts     int,
  last_resubmission_date  timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- db-scheduler's task table: background work that is safe with several app instances.
CREATE TABLE scheduled_tasks (
  task_name             text NOT NULL,
  task_instance         text NOT NULL,
  task_data             bytea,
  execution_time        timestamptz NOT NULL,
  picked                boolean NOT NULL,
  picked_by             text,
  last_success          timestamptz,
  last_failure          timestamptz,
  consecutive_failures  int,
  last_heartbeat        timestamptz,
  version               bigint NOT NULL,
  priority              smallint,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
