-- Where signing in lands a person, chosen on their profile; NULL: where their role works (reps on the board,
-- managers on the dashboard, marketers on the leads, admins on the home page).
ALTER TABLE app_user ADD COLUMN start_page text CHECK (start_page IN ('HOME', 'BOARD', 'DASHBOARD', 'LEADS', 'TASKS'));
