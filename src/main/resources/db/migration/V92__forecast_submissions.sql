-- Forecast calls: what a rep (for themselves) or a manager (for a team) submits for a period. A submission is
-- never changed: a newer one in the same period supersedes it for the roll-up, and every one stays for accuracy.
-- The figures and the deals behind them are kept as they stood when it was submitted.
CREATE SEQUENCE forecast_submission_seq INCREMENT BY 50;
CREATE TABLE forecast_submission (
  tenant_id     bigint NOT NULL REFERENCES workspace (id),
  id            bigint NOT NULL,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  -- a rep's own call (team_id NULL) or a team's call, submitted by its manager
  submitted_by  bigint NOT NULL,
  team_id       bigint,
  week_start    date NOT NULL,
  amount        numeric(18, 2) NOT NULL CHECK (amount >= 0),
  note          varchar(2000),
  closed        numeric(18, 2) NOT NULL,
  commit_amount numeric(18, 2) NOT NULL,
  best_case     numeric(18, 2) NOT NULL,
  pipeline      numeric(18, 2) NOT NULL,
  deals         jsonb NOT NULL DEFAULT '[]',
  submitted_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, submitted_by) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, team_id) REFERENCES team (tenant_id, id),
  CHECK (period_end >= period_start)
);
CREATE INDEX forecast_submission_period_idx
  ON forecast_submission (tenant_id, period_start, period_end, submitted_at);
CALL enable_tenant_isolation('forecast_submission');
