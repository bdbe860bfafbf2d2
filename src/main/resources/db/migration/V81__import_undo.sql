-- What an import wrote, so that it can be undone: each record it created, or updated with its values before,
-- and the version the import left it at (a record whose version moved on was changed since and is left alone).
-- Rows go as the undo handles them.
CREATE TABLE import_record (
  tenant_id  bigint NOT NULL,
  import_id  bigint NOT NULL,
  record_id  bigint NOT NULL,
  created    boolean NOT NULL,
  before     text,
  version    bigint NOT NULL,
  PRIMARY KEY (tenant_id, import_id, record_id),
  FOREIGN KEY (tenant_id, import_id) REFERENCES import_job (tenant_id, id) ON DELETE CASCADE
);
CALL enable_tenant_isolation('import_record');

-- The undo's own progress: NULL (never asked), QUEUED, RUNNING, DONE; records undone, and those left alone.
ALTER TABLE import_job ADD COLUMN undo_status text CHECK (undo_status IN ('QUEUED', 'RUNNING', 'DONE'));
ALTER TABLE import_job ADD COLUMN undone integer NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN undo_refused text NOT NULL DEFAULT '[]';
