-- An upload waits as a draft while its columns are matched to fields and its first rows previewed.
ALTER TABLE import_job DROP CONSTRAINT import_job_status_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
  CHECK (status IN ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED'));
