-- Revenue targets for a rep or a team over a period, and how the workspace counts its fiscal year.

CREATE SEQUENCE revenue_target_seq INCREMENT BY 50;
CREATE TABLE revenue_target (
  tenant_id     bigint NOT NULL REFERENCES workspace (id),
  id            bigint NOT NULL,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  amount        numeric(18, 2) NOT NULL CHECK (amount > 0),
  owner_id      bigint,
  team_id       bigint,
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_id) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
  CHECK (period_end >= period_start),
  -- a target belongs to exactly one rep or one team
  CHECK ((owner_id IS NULL) <> (team_id IS NULL))
);
-- Coverage and attainment look targets up by period overlap.
CREATE INDEX revenue_target_period_idx ON revenue_target (tenant_id, period_start, period_end);
CALL enable_tenant_isolation('revenue_target');

CREATE TABLE fiscal_year (
  tenant_id    bigint NOT NULL REFERENCES workspace (id),
  calendar     text NOT NULL DEFAULT 'GREGORIAN' CHECK (calendar IN ('GREGORIAN', 'PERSIAN')),
  start_month  int NOT NULL DEFAULT 1 CHECK (start_month BETWEEN 1 AND 12),
  version      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id)
);
CALL enable_tenant_isolation('fiscal_year');
