-- Custom field values as typed rows, owned by the customfield module, for the cf filters: one row per record and
-- field (one per option of a multi-select), with the value in the column of its type. The records' jsonb column
-- stays what the API reads; triggers (R__customfield_values.sql) keep these rows in step with it in the same
-- transaction. The btree indexes lead with tenant_id and the field, so a filter is an index range scan whose
-- operators (=, <=, >= on text, numeric, date, boolean) are leakproof and so usable under row-level security.
CREATE TABLE custom_field_value (
  tenant_id     bigint NOT NULL REFERENCES workspace (id),
  record_kind   text NOT NULL CHECK (record_kind IN ('LEAD', 'OPPORTUNITY', 'ACCOUNT', 'CONTACT')),
  record_id     bigint NOT NULL,
  field_id      bigint NOT NULL,
  -- 0 for a single value, the option's place in a multi-select's list otherwise
  value_no      integer NOT NULL DEFAULT 0,
  text_value    text,
  number_value  numeric,
  -- number_value as a double, for the index: numeric's comparisons are not leakproof, so under row-level security
  -- no index on number_value answers a range; rounding keeps the order, so a range on number_key followed by the
  -- exact test on number_value finds exactly the rows the exact test alone would
  number_key    double precision,
  date_value    date,
  bool_value    boolean,
  PRIMARY KEY (tenant_id, record_kind, record_id, field_id, value_no),
  FOREIGN KEY (tenant_id, field_id) REFERENCES custom_field (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX custom_field_value_text_idx ON custom_field_value (tenant_id, field_id, text_value, record_id)
  WHERE text_value IS NOT NULL;
CREATE INDEX custom_field_value_number_idx ON custom_field_value (tenant_id, field_id, number_key, record_id)
  WHERE number_key IS NOT NULL;
CREATE INDEX custom_field_value_date_idx ON custom_field_value (tenant_id, field_id, date_value, record_id)
  WHERE date_value IS NOT NULL;
CREATE INDEX custom_field_value_bool_idx ON custom_field_value (tenant_id, field_id, bool_value, record_id)
  WHERE bool_value IS NOT NULL;
CALL enable_tenant_isolation('custom_field_value');

-- The values that exist already (row security is lifted for the owner only inside this transaction).
ALTER TABLE custom_field NO FORCE ROW LEVEL SECURITY;
ALTER TABLE custom_field_value NO FORCE ROW LEVEL SECURITY;
ALTER TABLE lead NO FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account NO FORCE ROW LEVEL SECURITY;
ALTER TABLE contact NO FORCE ROW LEVEL SECURITY;
INSERT INTO custom_field_value (tenant_id, record_kind, record_id, field_id, value_no, text_value, number_value,
                                number_key, date_value, bool_value)
SELECT r.tenant_id, f.record_kind, r.id, f.id, e.n - 1,
       CASE WHEN f.field_type IN ('TEXT', 'LONG_TEXT', 'URL', 'SELECT', 'MULTI_SELECT')
             AND jsonb_typeof(e.v) = 'string' THEN e.v #>> '{}' END,
       CASE WHEN f.field_type IN ('NUMBER', 'MONEY', 'USER') AND jsonb_typeof(e.v) = 'number'
            THEN (e.v #>> '{}')::numeric END,
       CASE WHEN f.field_type IN ('NUMBER', 'MONEY', 'USER') AND jsonb_typeof(e.v) = 'number'
            THEN (e.v #>> '{}')::double precision END,
       CASE WHEN f.field_type = 'DATE' AND jsonb_typeof(e.v) = 'string'
             AND (e.v #>> '{}') ~ '^\d{4}-\d{2}-\d{2}$' THEN (e.v #>> '{}')::date END,
       CASE WHEN f.field_type = 'BOOLEAN' AND jsonb_typeof(e.v) = 'boolean' THEN (e.v #>> '{}')::boolean END
FROM (SELECT 'LEAD' AS kind, tenant_id, id, custom_fields FROM lead WHERE custom_fields <> '{}'
      UNION ALL SELECT 'OPPORTUNITY', tenant_id, id, custom_fields FROM opportunity WHERE custom_fields <> '{}'
      UNION ALL SELECT 'ACCOUNT', tenant_id, id, custom_fields FROM account WHERE custom_fields <> '{}'
      UNION ALL SELECT 'CONTACT', tenant_id, id, custom_fields FROM contact WHERE custom_fields <> '{}') r
CROSS JOIN LATERAL jsonb_each(r.custom_fields) j
JOIN custom_field f ON f.tenant_id = r.tenant_id AND f.record_kind = r.kind AND f.field_key = j.key
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(j.value) = 'array' THEN j.value
                                             ELSE jsonb_build_array(j.value) END) WITH ORDINALITY e(v, n)
WHERE jsonb_typeof(e.v) IN ('string', 'number', 'boolean');
ALTER TABLE custom_field FORCE ROW LEVEL SECURITY;
ALTER TABLE custom_field_value FORCE ROW LEVEL SECURITY;
ALTER TABLE lead FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity FORCE ROW LEVEL SECURITY;
ALTER TABLE account FORCE ROW LEVEL SECURITY;
ALTER TABLE contact FORCE ROW LEVEL SECURITY;
ANALYZE custom_field_value;
