-- A deal may have no amount (its amount typed empty): null, shown as "—". Sums, the board's column totals and
-- the dashboards count it as 0 (R__opportunity_board_totals.sql, R__opportunity_rollups.sql and deal_facts in
-- R__opportunity_read_views.sql).
ALTER TABLE opportunity ALTER COLUMN amount DROP NOT NULL;
