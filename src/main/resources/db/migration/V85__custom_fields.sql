-- Custom fields (issue #15): the workspace's definitions per record kind, owned by the customfield module, and
-- each record's values as one jsonb object {key: value} on its own table, owned by the record's module.
CREATE SEQUENCE custom_field_seq INCREMENT BY 50;
CREATE TABLE custom_field (
  tenant_id    bigint NOT NULL REFERENCES workspace (id),
  id           bigint NOT NULL,
  record_kind  text NOT NULL CHECK (record_kind IN ('LEAD', 'OPPORTUNITY', 'ACCOUNT', 'CONTACT')),
  field_key    text NOT NULL CHECK (field_key ~ '^[a-z][a-z0-9_]{0,39}$'),
  label        text NOT NULL,
  label_fa     text NOT NULL,
  field_type   text NOT NULL CHECK (field_type IN ('TEXT', 'LONG_TEXT', 'NUMBER', 'MONEY', 'DATE', 'BOOLEAN',
                                                   'SELECT', 'MULTI_SELECT', 'USER', 'URL')),
  -- the choices of a SELECT or MULTI_SELECT, one a line, in the order shown
  options      text NOT NULL DEFAULT '',
  required     boolean NOT NULL DEFAULT false,
  position     integer NOT NULL DEFAULT 0,
  active       boolean NOT NULL DEFAULT true,
  version      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id)
);
-- A key names one field of a kind in a workspace for good: retired fields keep theirs (their values stay).
CREATE UNIQUE INDEX custom_field_key_uq ON custom_field (tenant_id, record_kind, field_key);
CALL enable_tenant_isolation('custom_field');

-- The values. A constant default adds the column without rewriting the tables. Filters on a value use
-- containment (custom_fields @> '{"key": value}'), which a jsonb_path_ops GIN index answers; a GIN index cannot
-- lead with tenant_id, so the planner combines it with the tenant's btree indexes (see docs/benchmarks.md).
ALTER TABLE lead ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
ALTER TABLE opportunity ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
ALTER TABLE account ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
ALTER TABLE contact ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}';
CREATE INDEX lead_custom_fields_idx ON lead USING gin (custom_fields jsonb_path_ops);
CREATE INDEX opportunity_custom_fields_idx ON opportunity USING gin (custom_fields jsonb_path_ops);
CREATE INDEX account_custom_fields_idx ON account USING gin (custom_fields jsonb_path_ops);
CREATE INDEX contact_custom_fields_idx ON contact USING gin (custom_fields jsonb_path_ops);
