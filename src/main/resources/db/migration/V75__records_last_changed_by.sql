-- Who last changed a lead, deal, account or contact, and when: a stale edit (409) names that person instead of
-- only saying "someone". Rows from before stay NULL (the answer then says the record changed since it was opened).
ALTER TABLE lead ADD COLUMN changed_by bigint, ADD COLUMN changed_at timestamptz,
  ADD FOREIGN KEY (tenant_id, changed_by) REFERENCES app_user (tenant_id, id);
ALTER TABLE opportunity ADD COLUMN changed_by bigint, ADD COLUMN changed_at timestamptz,
  ADD FOREIGN KEY (tenant_id, changed_by) REFERENCES app_user (tenant_id, id);
ALTER TABLE account ADD COLUMN changed_by bigint, ADD COLUMN changed_at timestamptz,
  ADD FOREIGN KEY (tenant_id, changed_by) REFERENCES app_user (tenant_id, id);
ALTER TABLE contact ADD COLUMN changed_by bigint, ADD COLUMN changed_at timestamptz,
  ADD FOREIGN KEY (tenant_id, changed_by) REFERENCES app_user (tenant_id, id);
