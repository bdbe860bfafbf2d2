-- Sign-in by e-mail, API tokens by hash and the public web form by key are looked up before the workspace is
-- known, and each must be unique across workspaces. A unique index without tenant_id cannot hold that on a
-- database distributed by tenant_id, so each lookup gets a table of its own: one row per key naming its workspace,
-- written in the same transaction as the row it indexes (reference tables on Citus, see the distribution callback).
-- These are global tables: they carry workspace_id, not tenant_id, and their key alone is unique.

CREATE TABLE login_email (
  email         text PRIMARY KEY,
  workspace_id  bigint NOT NULL,
  user_id       bigint NOT NULL
);
CREATE INDEX login_email_workspace_idx ON login_email (workspace_id);

CREATE TABLE api_token_hash (
  token_hash    text PRIMARY KEY,
  workspace_id  bigint NOT NULL,
  token_id      bigint NOT NULL
);
CREATE INDEX api_token_hash_workspace_idx ON api_token_hash (workspace_id);

CREATE TABLE workspace_form_key (
  form_key      text PRIMARY KEY,
  workspace_id  bigint NOT NULL
);
CREATE INDEX workspace_form_key_workspace_idx ON workspace_form_key (workspace_id);

ALTER TABLE workspace NO FORCE ROW LEVEL SECURITY;
ALTER TABLE app_user NO FORCE ROW LEVEL SECURITY;
ALTER TABLE api_token NO FORCE ROW LEVEL SECURITY;
INSERT INTO login_email (email, workspace_id, user_id) SELECT lower(email), tenant_id, id FROM app_user;
INSERT INTO api_token_hash (token_hash, workspace_id, token_id) SELECT token_hash, tenant_id, id FROM api_token;
INSERT INTO workspace_form_key (form_key, workspace_id) SELECT form_key, id FROM workspace;
ALTER TABLE workspace FORCE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
ALTER TABLE api_token FORCE ROW LEVEL SECURITY;

-- A workspace writes and reads its own keys; a lookup reads the one row whose key the transaction names.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['login_email', 'api_token_hash', 'workspace_form_key'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY own_workspace ON %I USING '
        || '(workspace_id = nullif(current_setting(''app.tenant_id'', true), '''')::bigint)', t);
  END LOOP;
END $$;
CREATE POLICY login_lookup ON login_email FOR SELECT
  USING (email = nullif(current_setting('app.login_email', true), ''));
CREATE POLICY token_lookup ON api_token_hash FOR SELECT
  USING (token_hash = nullif(current_setting('app.token_hash', true), ''));
CREATE POLICY form_key_lookup ON workspace_form_key FOR SELECT
  USING (form_key = nullif(current_setting('app.form_key', true), ''));

-- The tenant tables keep their keys unique per workspace only; the lookups are entered by workspace first.
DROP POLICY login_lookup ON app_user;
DROP POLICY token_lookup ON api_token;
DROP POLICY form_key_lookup ON workspace;
DROP INDEX app_user_email_uq;
CREATE UNIQUE INDEX app_user_email_uq ON app_user (tenant_id, lower(email));
ALTER TABLE api_token DROP CONSTRAINT api_token_token_hash_key;
CREATE UNIQUE INDEX api_token_hash_uq ON api_token (tenant_id, token_hash);
ALTER TABLE workspace DROP CONSTRAINT workspace_form_key_key;

-- Citus has no ON DELETE SET NULL on a key that holds the distribution column: plain keys. Teams and people are
-- never deleted (they are deactivated), so nothing is to be cleared.
ALTER TABLE web_form_routing DROP CONSTRAINT web_form_routing_tenant_id_team_id_fkey;
ALTER TABLE web_form_routing DROP CONSTRAINT web_form_routing_tenant_id_owner_id_fkey;
ALTER TABLE web_form_routing ADD FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id);
ALTER TABLE web_form_routing ADD FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id);
