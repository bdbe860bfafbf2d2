-- The customfield module's published trigger function, custom_field_values_keep(kind): it keeps the typed value
-- rows (custom_field_value, V95) of one record in step with the record's custom_fields column, in the writing
-- transaction, whichever code path wrote it. The record modules attach it to their own tables (lead, opportunity,
-- account, contact) in their repeatable migrations; what it reads and writes is this module's business.
-- A record's rows are replaced when its values change and removed with it. Values of keys no field of the kind
-- has are not kept (writes refuse them anyway).
-- Its first version is declared by V107 so the record modules' repeatable migrations, which run before this one
-- on a new database, can attach it; this file keeps its body.

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

-- Attached by the record modules now (R__account_custom_field_values.sql, R__lead_custom_field_values.sql,
-- R__opportunity_custom_field_values.sql); nothing to drop here: those files replace the triggers in place.
