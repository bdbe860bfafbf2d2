-- Field edits of deals for their timeline: who changed which field, from what to what. Values are kept
-- as display text (a name rather than an id), so history stays readable after the referenced row changes.

CREATE SEQUENCE deal_edit_seq INCREMENT BY 50;
CREATE TABLE deal_edit (
  tenant_id       bigint NOT NULL REFERENCES workspace (id),
  id              bigint NOT NULL,
  opportunity_id  bigint NOT NULL,
  field           text NOT NULL CHECK (length(field) BETWEEN 1 AND 40),
  old_value       text CHECK (length(old_value) <= 600),
  new_value       text CHECK (length(new_value) <= 600),
  changed_by      bigint NOT NULL,
  changed_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, opportunity_id) REFERENCES opportunity (tenant_id, id),
  FOREIGN KEY (tenant_id, changed_by) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX deal_edit_opportunity_idx ON deal_edit (tenant_id, opportunity_id, changed_at DESC);
CALL enable_tenant_isolation('deal_edit');

-- E-mail reminders claim open tasks by due time across the workspace.
CREATE INDEX sales_task_reminder_idx ON sales_task (tenant_id, due_at) WHERE completed_at IS NULL AND reminded_at IS NULL;
