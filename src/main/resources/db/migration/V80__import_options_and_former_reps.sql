-- What the importer chose for the whole file besides the columns: the encoding, the order of day and month,
-- and what becomes of owners the workspace does not know.
ALTER TABLE import_job ADD COLUMN options text NOT NULL DEFAULT '{}';
-- Reps of an imported history who never worked here: people without a password, who cannot sign in, shown as
-- former reps so their deals keep an owner.
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN former boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD CONSTRAINT app_user_former_check CHECK (NOT former OR (NOT active AND password_hash IS NULL));
-- Rows imported with something the importer should know (an opened date derived from the deal's other dates).
ALTER TABLE import_job ADD COLUMN notes text NOT NULL DEFAULT '[]';
