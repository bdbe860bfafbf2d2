-- The deal list sorted by amount or close date going down puts deals without one last (as going up), so that
-- order has its own index and a page is still read from an index's first rows.
CREATE INDEX opportunity_list_amount_desc_idx ON opportunity (tenant_id, pipeline_id, amount DESC NULLS LAST, id DESC)
  WHERE status = 'OPEN';
CREATE INDEX opportunity_list_close_desc_idx
  ON opportunity (tenant_id, pipeline_id, expected_close_date DESC NULLS LAST, id DESC) WHERE status = 'OPEN';
