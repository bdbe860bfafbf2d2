-- A stage change remembers the deal's owner and team at the moment of the move, as the stage rollups count it
-- (stage_exit_record), so that counting the rollups again (after an undo, when the time zone changes) files each
-- move under the person who owned the deal then and not under its present owner. Filled on insert by the
-- stage_change_owner trigger (R__opportunity_rollups.sql). Changes written before have none: they count under the
-- deal's present owner and team, as before (the deal's field history names owners, not ids, so it cannot tell).
ALTER TABLE stage_change ADD COLUMN owner_id bigint;
ALTER TABLE stage_change ADD COLUMN team_id bigint; -- 0: no team, as in the rollups
