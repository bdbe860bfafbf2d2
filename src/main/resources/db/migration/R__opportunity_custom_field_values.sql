-- The custom field values of deals are kept filterable by the customfield module's published trigger function
-- custom_field_values_keep(kind) (R__customfield_values.sql), attached here to this module's own table: on
-- every insert, every change of custom_fields and every delete, in the writing transaction, so the API, the
-- pages, imports, bulk loads and automations are all covered.
-- Citus creates triggers on distributed tables only with this (the trigger touches the same workspace's rows).
SET LOCAL citus.enable_unsafe_triggers = on;

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
