-- Keeps custom_field_value (V95) in step with the custom_fields column of leads, deals, accounts and contacts, in
-- the same transaction as the write, whichever code path wrote it: a record's rows are replaced when its values
-- change and removed with it. Values of keys no field of the kind has are not kept (writes refuse them anyway).

-- Citus creates triggers on distributed tables only with this (the trigger touches the same workspace's rows).
SET LOCAL citus.enable_unsafe_triggers = on;

CREATE OR REPLACE FUNCTION custom_field_values_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_kind text := TG_ARGV[0];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM custom_field_value
     WHERE tenant_id = OLD.tenant_id AND record_kind = v_kind AND record_id = OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  IF NEW.custom_fields IS NULL OR NEW.custom_fields = '{}' THEN
    RETURN NEW;
  END IF;
  INSERT INTO custom_field_value (tenant_id, record_kind, record_id, field_id, value_no, text_value, number_value,
                                  number_key, date_value, bool_value)
  SELECT NEW.tenant_id, v_kind, NEW.id, f.id, e.n - 1,
         CASE WHEN f.field_type IN ('TEXT', 'LONG_TEXT', 'URL', 'SELECT', 'MULTI_SELECT')
               AND jsonb_typeof(e.v) = 'string' THEN e.v #>> '{}' END,
         CASE WHEN f.field_type IN ('NUMBER', 'MONEY', 'USER') AND jsonb_typeof(e.v) = 'number'
              THEN (e.v #>> '{}')::numeric END,
         CASE WHEN f.field_type IN ('NUMBER', 'MONEY', 'USER') AND jsonb_typeof(e.v) = 'number'
              THEN (e.v #>> '{}')::double precision END,
         CASE WHEN f.field_type = 'DATE' AND jsonb_typeof(e.v) = 'string'
               AND (e.v #>> '{}') ~ '^\d{4}-\d{2}-\d{2}$' THEN (e.v #>> '{}')::date END,
         CASE WHEN f.field_type = 'BOOLEAN' AND jsonb_typeof(e.v) = 'boolean' THEN (e.v #>> '{}')::boolean END
  FROM jsonb_each(NEW.custom_fields) j
  JOIN custom_field f ON f.tenant_id = NEW.tenant_id AND f.record_kind = v_kind AND f.field_key = j.key
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(j.value) = 'array' THEN j.value
                                               ELSE jsonb_build_array(j.value) END) WITH ORDINALITY e(v, n)
  WHERE jsonb_typeof(e.v) IN ('string', 'number', 'boolean');
  RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS custom_field_values_insert ON lead;
DROP TRIGGER IF EXISTS custom_field_values_update ON lead;
DROP TRIGGER IF EXISTS custom_field_values_delete ON lead;
CREATE TRIGGER custom_field_values_insert AFTER INSERT ON lead
  FOR EACH ROW WHEN (NEW.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('LEAD');
CREATE TRIGGER custom_field_values_update AFTER UPDATE OF custom_fields ON lead
  FOR EACH ROW WHEN (OLD.custom_fields IS DISTINCT FROM NEW.custom_fields)
  EXECUTE FUNCTION custom_field_values_keep('LEAD');
CREATE TRIGGER custom_field_values_delete AFTER DELETE ON lead
  FOR EACH ROW WHEN (OLD.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('LEAD');

DROP TRIGGER IF EXISTS custom_field_values_insert ON opportunity;
DROP TRIGGER IF EXISTS custom_field_values_update ON opportunity;
DROP TRIGGER IF EXISTS custom_field_values_delete ON opportunity;
CREATE TRIGGER custom_field_values_insert AFTER INSERT ON opportunity
  FOR EACH ROW WHEN (NEW.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('OPPORTUNITY');
CREATE TRIGGER custom_field_values_update AFTER UPDATE OF custom_fields ON opportunity
  FOR EACH ROW WHEN (OLD.custom_fields IS DISTINCT FROM NEW.custom_fields)
  EXECUTE FUNCTION custom_field_values_keep('OPPORTUNITY');
CREATE TRIGGER custom_field_values_delete AFTER DELETE ON opportunity
  FOR EACH ROW WHEN (OLD.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('OPPORTUNITY');

DROP TRIGGER IF EXISTS custom_field_values_insert ON account;
DROP TRIGGER IF EXISTS custom_field_values_update ON account;
DROP TRIGGER IF EXISTS custom_field_values_delete ON account;
CREATE TRIGGER custom_field_values_insert AFTER INSERT ON account
  FOR EACH ROW WHEN (NEW.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('ACCOUNT');
CREATE TRIGGER custom_field_values_update AFTER UPDATE OF custom_fields ON account
  FOR EACH ROW WHEN (OLD.custom_fields IS DISTINCT FROM NEW.custom_fields)
  EXECUTE FUNCTION custom_field_values_keep('ACCOUNT');
CREATE TRIGGER custom_field_values_delete AFTER DELETE ON account
  FOR EACH ROW WHEN (OLD.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('ACCOUNT');

DROP TRIGGER IF EXISTS custom_field_values_insert ON contact;
DROP TRIGGER IF EXISTS custom_field_values_update ON contact;
DROP TRIGGER IF EXISTS custom_field_values_delete ON contact;
CREATE TRIGGER custom_field_values_insert AFTER INSERT ON contact
  FOR EACH ROW WHEN (NEW.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('CONTACT');
CREATE TRIGGER custom_field_values_update AFTER UPDATE OF custom_fields ON contact
  FOR EACH ROW WHEN (OLD.custom_fields IS DISTINCT FROM NEW.custom_fields)
  EXECUTE FUNCTION custom_field_values_keep('CONTACT');
CREATE TRIGGER custom_field_values_delete AFTER DELETE ON contact
  FOR EACH ROW WHEN (OLD.custom_fields <> '{}') EXECUTE FUNCTION custom_field_values_keep('CONTACT');
