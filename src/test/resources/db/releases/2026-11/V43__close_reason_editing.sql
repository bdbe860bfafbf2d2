-- Loss and win reasons become editable lists: renamed with a version check, deactivated instead of deleted
-- (closed deals keep the code they were closed with). A reason still carrying its built-in label is shown in
-- the reader's language; one an admin added or renamed is shown as written.
ALTER TABLE close_reason
  ADD COLUMN active    boolean NOT NULL DEFAULT true,
  ADD COLUMN standard  boolean NOT NULL DEFAULT false,
  ADD COLUMN version   bigint NOT NULL DEFAULT 0;

ALTER TABLE close_reason NO FORCE ROW LEVEL SECURITY;
UPDATE close_reason SET standard = true;
ALTER TABLE close_reason FORCE ROW LEVEL SECURITY;
