-- A deal's next step is its earliest open task: one concept on the deal page, the board and the API. The free
-- text that open deals kept without any open task becomes that task (the owner's, due the next day at 09:00 in
-- the workspace's time zone), so nothing typed is lost; then every deal's next_step is its earliest open
-- task's title (NULL without one), which is what the application keeps it as from now on.
-- (Row security is lifted for the owner only inside this transaction.)
ALTER TABLE workspace NO FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity NO FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_task NO FORCE ROW LEVEL SECURITY;

INSERT INTO sales_task (tenant_id, id, title, due_at, priority, assignee_id, created_by, record_type, record_id)
SELECT o.tenant_id, nextval('sales_task_seq'), left(btrim(o.next_step), 200),
       ((now() AT TIME ZONE w.time_zone)::date + 1 + time '09:00') AT TIME ZONE w.time_zone,
       'NORMAL', o.owner_id, o.owner_id, 'OPPORTUNITY', o.id
FROM opportunity o
JOIN workspace w ON w.id = o.tenant_id
WHERE o.status = 'OPEN'
  AND btrim(coalesce(o.next_step, '')) <> ''
  AND NOT EXISTS (SELECT 1 FROM sales_task t
                  WHERE t.tenant_id = o.tenant_id AND t.record_type = 'OPPORTUNITY'
                    AND t.record_id = o.id AND t.completed_at IS NULL);

UPDATE opportunity o SET next_step = (
  SELECT t.title FROM sales_task t
  WHERE t.tenant_id = o.tenant_id AND t.record_type = 'OPPORTUNITY' AND t.record_id = o.id
    AND t.completed_at IS NULL
  ORDER BY t.due_at, t.id LIMIT 1);

ALTER TABLE workspace FORCE ROW LEVEL SECURITY;
ALTER TABLE opportunity FORCE ROW LEVEL SECURITY;
ALTER TABLE sales_task FORCE ROW LEVEL SECURITY;
