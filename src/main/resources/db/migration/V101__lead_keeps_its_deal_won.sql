-- A lead keeps whether the deal it became is won (deal_won_at, when it was won), set by the lead module from the
-- deal's won / re-opened / lost events, so that the lead's cohort rollup no longer reads the opportunity table.

ALTER TABLE lead ADD COLUMN deal_won_at timestamptz;

-- Leads whose deal is won already (row security is lifted for the owner only inside this transaction). Only this
-- column changes, which no trigger on lead watches yet: the cohort rollup counted these leads as won already.
ALTER TABLE lead NO FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity NO FORCE ROW LEVEL SECURITY;
UPDATE lead l
   SET deal_won_at = coalesce(o.closed_at, o.stage_entered_at)
  FROM opportunity o
 WHERE o.tenant_id = l.tenant_id AND o.id = l.converted_opportunity_id AND o.status = 'WON';
ALTER TABLE lead FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity FORCE ROW LEVEL SECURITY;
