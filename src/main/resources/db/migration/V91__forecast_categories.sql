-- Forecast categories. Each open stage names the category its deals count in by default (the stage's
-- probability chooses the first default: 80 % and more commit, 50 % and more best case, else pipeline); a deal
-- keeps its category, copied from its stage when it enters one, unless its owner overrides it. A won deal
-- counts as CLOSED, a lost one as OMITTED.
-- (Row security is lifted for the owner only inside this transaction, to fill in the existing rows.)
ALTER TABLE stage ADD COLUMN forecast_category varchar(20) NOT NULL DEFAULT 'PIPELINE'
  CHECK (forecast_category IN ('PIPELINE', 'BEST_CASE', 'COMMIT', 'OMITTED'));
ALTER TABLE opportunity ADD COLUMN forecast_category varchar(20) NOT NULL DEFAULT 'PIPELINE'
  CHECK (forecast_category IN ('PIPELINE', 'BEST_CASE', 'COMMIT', 'OMITTED', 'CLOSED'));
ALTER TABLE opportunity ADD COLUMN forecast_category_overridden boolean NOT NULL DEFAULT false;

ALTER TABLE stage NO FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity NO FORCE ROW LEVEL SECURITY;

UPDATE stage SET forecast_category = CASE WHEN probability >= 80 THEN 'COMMIT'
                                          WHEN probability >= 50 THEN 'BEST_CASE'
                                          ELSE 'PIPELINE' END
WHERE kind = 'OPEN';

UPDATE opportunity o SET forecast_category = CASE o.status WHEN 'WON' THEN 'CLOSED'
                                                           WHEN 'LOST' THEN 'OMITTED'
                                                           ELSE s.forecast_category END
FROM stage s
WHERE s.tenant_id = o.tenant_id AND s.id = o.stage_id;

ALTER TABLE stage FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity FORCE ROW LEVEL SECURITY;

-- The forecast sums open deals by category and expected close date.
CREATE INDEX opportunity_forecast_idx ON opportunity (tenant_id, status, expected_close_date);
