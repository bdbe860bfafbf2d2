-- Deals imported from another system keep that system's id, so importing the same file again updates them.
ALTER TABLE opportunity ADD COLUMN external_id text CHECK (length(external_id) <= 120);
CREATE UNIQUE INDEX opportunity_external_id_uq ON opportunity (tenant_id, external_id) WHERE external_id IS NOT NULL;
