-- The milestones the funnel and conversion-rate figures count. Each is set once, when the lead or deal first
-- reaches it, by the module that owns the record; dashboards only read them.
ALTER TABLE lead
  ADD COLUMN mql_at                   timestamptz,
  ADD COLUMN sql_at                   timestamptz,
  ADD COLUMN qualified_at             timestamptz,
  ADD COLUMN converted_at             timestamptz,
  ADD COLUMN converted_account_id     bigint,
  ADD COLUMN converted_contact_id     bigint,
  ADD COLUMN converted_opportunity_id bigint,
  ADD FOREIGN KEY (tenant_id, converted_account_id) REFERENCES account (tenant_id, id),
  ADD FOREIGN KEY (tenant_id, converted_contact_id) REFERENCES contact (tenant_id, id),
  ADD FOREIGN KEY (tenant_id, converted_opportunity_id) REFERENCES opportunity (tenant_id, id);
CREATE INDEX lead_mql_idx ON lead (tenant_id, mql_at) WHERE mql_at IS NOT NULL;
CREATE INDEX lead_sql_idx ON lead (tenant_id, sql_at) WHERE sql_at IS NOT NULL;
CREATE INDEX lead_converted_idx ON lead (tenant_id, converted_at) WHERE converted_at IS NOT NULL;

ALTER TABLE opportunity
  ADD COLUMN source_lead_id bigint,
  ADD COLUMN converted_at   timestamptz,
  ADD FOREIGN KEY (tenant_id, source_lead_id) REFERENCES lead (tenant_id, id);
CREATE INDEX opportunity_closed_idx ON opportunity (tenant_id, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX opportunity_opened_idx ON opportunity (tenant_id, opened_at);
