-- Row-level security of a tenant table: rows are visible and writable only inside their workspace, for the owner
-- too (FORCE). After a transaction-local set_config the setting reads '' in later transactions of a pooled
-- connection: nullif keeps that failing closed.
-- V1 creates this procedure too, with this body: versioned migrations call it as they add tables, and on a new
-- database they run before any repeatable one. Tables that exist keep the policy they were given; a changed
-- policy needs a versioned migration that alters theirs.
CREATE OR REPLACE PROCEDURE enable_tenant_isolation(tbl regclass)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  EXECUTE format('CREATE POLICY tenant_isolation ON %s USING '
      || '(tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::bigint)', tbl);
END $$;
