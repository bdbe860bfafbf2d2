-- Win probability (issue #16): each workspace's model learned from its own closed deals, owned by the winmodel
-- module. One row per workspace: the training status, the backtest figures and the coefficients (JSON).
CREATE TABLE win_model (
  tenant_id      bigint NOT NULL REFERENCES workspace (id),
  status         text NOT NULL CHECK (status IN ('NEVER_TRAINED', 'QUEUED', 'TRAINING', 'TRAINED',
                                                 'TOO_LITTLE_HISTORY', 'FAILED')),
  requested_at   timestamptz,
  trained_at     timestamptz,
  closed_deals   integer NOT NULL DEFAULT 0,
  tested_deals   integer NOT NULL DEFAULT 0,
  auc            double precision,
  brier          double precision,
  stage_auc      double precision,
  stage_brier    double precision,
  -- predicted vs actual win rate per decile of the held-out newest deals: [{decile, deals, predicted, actual}]
  calibration    jsonb NOT NULL DEFAULT '[]',
  -- intercept, weights, numeric scaling, mean contribution per factor, usual days per stage
  model          jsonb,
  training_ms    bigint,
  version        bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id)
);
CALL enable_tenant_isolation('win_model');
