-- What the identity module lets other modules read (security_invoker: row-level security binds the reader).

-- Which team a person belongs to, for figures that add up a team's reps.
CREATE OR REPLACE VIEW person_facts WITH (security_invoker = true) AS
SELECT tenant_id, id, team_id
FROM app_user;

GRANT SELECT ON person_facts TO ${app_role};
