-- A person's saved board views: a name for a pipeline and its filters, one click away on the board. Each view is
-- its owner's alone; it goes with the person or the pipeline. The owner and team a view filters by are checked
-- when it is saved, not kept by a foreign key: a composite key could not forget them (no SET NULL on Citus), and
-- removing a person must not be blocked by someone else's view.
CREATE SEQUENCE board_view_seq INCREMENT BY 50;
CREATE TABLE board_view (
  tenant_id   bigint NOT NULL REFERENCES workspace (id),
  id          bigint NOT NULL,
  user_id     bigint NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  pipeline_id bigint NOT NULL,
  owner_id    bigint,
  team_id     bigint,
  mine        boolean NOT NULL DEFAULT false,
  search      text CHECK (length(search) <= 200),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, pipeline_id) REFERENCES pipeline (tenant_id, id) ON DELETE CASCADE
);
-- one name per person (saving a name again replaces that view's filters), listed by name
CREATE UNIQUE INDEX board_view_name_uq ON board_view (tenant_id, user_id, lower(name));
CALL enable_tenant_isolation('board_view');

-- The board as a list: each sortable column of a pipeline's open deals has its index, so a sorted page is read
-- from the index's first rows (either direction) however many deals the pipeline holds.
CREATE INDEX opportunity_list_name_idx ON opportunity (tenant_id, pipeline_id, name, id) WHERE status = 'OPEN';
CREATE INDEX opportunity_list_amount_idx ON opportunity (tenant_id, pipeline_id, amount, id) WHERE status = 'OPEN';
CREATE INDEX opportunity_list_close_idx ON opportunity (tenant_id, pipeline_id, expected_close_date, id)
  WHERE status = 'OPEN';
CREATE INDEX opportunity_list_entered_idx ON opportunity (tenant_id, pipeline_id, stage_entered_at, id)
  WHERE status = 'OPEN';
