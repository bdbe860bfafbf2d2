-- The customfield module publishes custom_field_values_keep(kind), the trigger function that keeps the typed value
-- rows of custom_field_value in step with a record's custom_fields; the record modules now attach it to their own
-- tables themselves. Declared here, as R__customfield_values.sql has it at this version, because repeatable
-- migrations run in name order and the account module's file comes before the customfield module's on a new
-- database; R__customfield_values.sql keeps its body from now on.
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
