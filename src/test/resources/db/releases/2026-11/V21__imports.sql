-- CSV imports: the uploaded file, progress, and every bad row with its reason.
CREATE SEQUENCE import_job_seq INCREMENT BY 50;
CREATE TABLE import_job (
  tenant_id    bigint NOT NULL REFERENCES workspace (id),
  id           bigint NOT NULL,
  entity       text NOT NULL,
  file_name    text,
  content      bytea NOT NULL,
  mapping      text NOT NULL,
  status       text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  total        integer NOT NULL DEFAULT 0,
  processed    integer NOT NULL DEFAULT 0,
  imported     integer NOT NULL DEFAULT 0,
  updated      integer NOT NULL DEFAULT 0,
  skipped      integer NOT NULL DEFAULT 0,
  errors       text NOT NULL DEFAULT '[]',
  created_by   bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  version      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX import_job_created_idx ON import_job (tenant_id, created_at DESC);
CALL enable_tenant_isolation('import_job');
