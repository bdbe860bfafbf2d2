-- After every migration run: on a database where the citus extension is installed and workers are added, every
-- tenant table not yet distributed is distributed by tenant_id, co-located with workspace (distributed by id), so
-- that a workspace's rows live together on one worker. Tables that later migrations add are distributed by the
-- next run, with no change to them. The global lookups are reference tables (a copy on every node); the other
-- global tables (sessions, events, the scheduler, rate limits) stay on the coordinator. On plain PostgreSQL, or
-- on Citus without workers, nothing happens. Every step checks first, so reruns change nothing.
DO $$
DECLARE
  t record;
  k record;
  keys text[] := '{}';
BEGIN
  IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_dist_node WHERE groupid <> 0 AND noderole = 'primary' AND isactive) THEN
    RETURN;
  END IF;
  -- the rollup triggers touch only the same workspace's rows, which are on the same worker
  SET LOCAL citus.enable_unsafe_triggers = on;
  -- one transaction creates the shards and keys between them: one connection per worker
  SET LOCAL citus.multi_shard_modify_mode = 'sequential';

  -- Functions first (the triggers' helpers are no dependency Citus follows), then the tables.
  FOR t IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.prokind = 'f'
              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
              AND NOT EXISTS (SELECT FROM pg_dist_object o WHERE o.classid = 'pg_proc'::regclass AND o.objid = p.oid)
  LOOP
    PERFORM create_distributed_function(t.f::text);
  END LOOP;

  -- Keys between tenant tables not yet distributed (the lead <-> deal pair refer to each other) are set aside
  -- and put back once both ends are distributed.
  FOR k IN SELECT c.conrelid::regclass AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
             FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND c.confrelid <> 'workspace'::regclass
              AND c.conrelid NOT IN (SELECT logicalrelid FROM pg_dist_partition)
              AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attname = 'tenant_id')
  LOOP
    keys := keys || format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.tbl, k.conname, k.def);
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.tbl, k.conname);
  END LOOP;

  IF NOT EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = 'workspace'::regclass) THEN
    ALTER TABLE workspace NO FORCE ROW LEVEL SECURITY;
    PERFORM create_distributed_table('workspace', 'id');
    ALTER TABLE workspace FORCE ROW LEVEL SECURITY;
  END IF;

  FOR t IN SELECT c.oid::regclass AS tbl FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
              AND c.relname IN ('login_email', 'api_token_hash', 'workspace_form_key')
              AND c.oid NOT IN (SELECT logicalrelid FROM pg_dist_partition)
  LOOP
    -- the copy of existing rows into the nodes is not filtered by row-level security
    EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t.tbl);
    PERFORM create_reference_table(t.tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t.tbl);
  END LOOP;

  FOR t IN SELECT c.oid::regclass AS tbl FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
              AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
              AND c.oid NOT IN (SELECT logicalrelid FROM pg_dist_partition)
            ORDER BY c.relname
  LOOP
    EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t.tbl);
    PERFORM create_distributed_table(t.tbl, 'tenant_id', colocate_with => 'workspace');
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t.tbl);
  END LOOP;

  FOR i IN 1 .. coalesce(array_length(keys, 1), 0) LOOP
    EXECUTE keys[i];
  END LOOP;

  -- Views made before their tables were distributed exist on the coordinator only; the rollup triggers read
  -- some of them on the workers. Made again, they are created on every node.
  FOR t IN SELECT c.oid, c.oid::regclass AS v, c.reloptions FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
              AND NOT EXISTS (SELECT FROM pg_dist_object o WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid)
  LOOP
    EXECUTE format('CREATE OR REPLACE VIEW %s %s AS %s', t.v,
                   CASE WHEN t.reloptions IS NULL THEN '' ELSE 'WITH (' || array_to_string(t.reloptions, ', ') || ')' END,
                   pg_get_viewdef(t.oid));
  END LOOP;
  -- The workers get a view without its grants; given again through the coordinator, they reach every node.
  FOR t IN SELECT c.oid::regclass AS v, a.privilege_type, a.grantee::regrole AS grantee
             FROM pg_class c, aclexplode(c.relacl) a
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'v'
              AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
              AND a.grantee <> c.relowner AND a.grantee <> 0
  LOOP
    EXECUTE format('GRANT %s ON %s TO %s', t.privilege_type, t.v, t.grantee);
  END LOOP;
END $$;
