#!/usr/bin/env bash
# Custom field filters over 100,000 deals (issue #15), at the database level: builds bench_fields with
# bench/setup.sh (the pipeline schema and its generator), adds the custom_fields column and its GIN index as
# V85 does, gives every deal values, then runs with pgbench, as the app role (row-level security applies):
#   - the board's first page filtered by a select value (custom-fields-board.sql: totals summed from the matching
#     deals, the first 21 cards of each open column), as Board.java asks for it with cf.KEY=value;
#   - the deal list filtered by a select value and by a number range (custom-fields-list.sql), as the
#     /api/v1/opportunities?cf.KEY=... query does (page of 50 newest and the count);
#   - then the same through the value table (custom-fields-*-table.sql, the SQL Board.java and CustomFieldFilter
#     write; the board once with a common value, once with a rare one), with the server's CPU per transaction.
# Usage: bench/custom-fields.sh [workspaces] [deals-per-workspace]   (as root; PGPORT, default 5432)
set -euo pipefail
cd "$(dirname "$0")/.."
WORKSPACES=${1:-2}
PER_WORKSPACE=${2:-100000}
SECONDS_EACH=${BENCH_SECONDS:-30}
CLIENTS=${BENCH_CLIENTS:-4}
export BENCH_DB=${BENCH_DB:-bench_fields}
OWNER=${BENCH_OWNER:-bench_pipeline_owner}
APP=${BENCH_APP:-bench_pipeline_app}
export PGPASSWORD=${BENCH_PASSWORD:-bench-pass}
PORT=${PGPORT:-5432}

if [ -z "${SKIP_SETUP:-}" ]; then # SKIP_SETUP=1 reruns the measurements on the data already there
bench/setup.sh "$WORKSPACES" "$PER_WORKSPACE"
# The deal part of V85: the column (owned by the opportunity module) and its GIN index.
grep -E '^(ALTER TABLE|CREATE INDEX) opportunity' src/main/resources/db/migration/V85__custom_fields.sql \
  | sed -E 's/ADD COLUMN ([a-z_]+)/ADD COLUMN IF NOT EXISTS \1/; s/^CREATE INDEX ([a-z_]+)/CREATE INDEX IF NOT EXISTS \1/' \
  > /tmp/bench-fields-migration.sql # setup.sh may already have applied V85 with every other migration
chmod 644 /tmp/bench-fields-migration.sql
# Values as a workspace would have them: a select of 4 regions (25 % each), a select of 20 tiers (5 % each),
# seats 1-1000 and a yes/no. Filled before the index is built would be faster; after is what an upgrade does.
su postgres -c "psql -p $PORT -d $BENCH_DB -v ON_ERROR_STOP=1 -q" <<'SQL'
\i /tmp/bench-fields-migration.sql
UPDATE opportunity SET custom_fields = jsonb_build_object(
  'region', (ARRAY['EMEA', 'APAC', 'AMER', 'LATAM'])[1 + floor(random() * 4)::int],
  'tier', 'T' || floor(random() * 20)::int,
  'seats', 1 + floor(random() * 1000)::int,
  'strategic', random() < 0.1);
VACUUM ANALYZE opportunity;
SQL
fi

LOGS=$(mktemp -d)
percentiles() { # latency (µs) is the third field of pgbench's log
  awk '{print $3}' "$1"/* | sort -n | awk '{a[NR]=$1} END {
    printf "transactions %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
      NR, a[int(NR*0.50)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000 }'
}
run() { # name script (the name is also the log folder: one per phase)
  mkdir -p "$LOGS/$1"
  (cd "$LOGS/$1" && pgbench -h 127.0.0.1 -p "$PORT" -U "$APP" -n -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" \
    -D workspaces="$WORKSPACES" --log -f "$OLDPWD/bench/$2" "$BENCH_DB") | grep -E "number of failed|tps"
  echo -n "$1: "; percentiles "$LOGS/$1"
}
run_all() { # phase
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== board first page filtered by cf.tier (5 % of deals), $CLIENTS clients, ${SECONDS_EACH}s"
run "$1-board" custom-fields-board.sql
echo "== deal list filtered by cf.region (25 %) and by cf.seats.gte (1 %), $CLIENTS clients, ${SECONDS_EACH}s"
run "$1-list" custom-fields-list.sql
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
# Row-level security keeps the planner from using an index for an operator that is not LEAKPROOF, and jsonb's
# containment is not: the GIN index answers the app role only after a superuser marks it so (docs/benchmarks.md).
if [ -z "${SKIP_JSONB:-}" ]; then # SKIP_JSONB=1 measures the value table only
su postgres -c "psql -p $PORT -d $BENCH_DB -q -c 'ALTER FUNCTION jsonb_contains(jsonb, jsonb) NOT LEAKPROOF'"
echo "######## as installed (jsonb_contains not leakproof)"
run_all installed
su postgres -c "psql -p $PORT -d $BENCH_DB -q -c 'ALTER FUNCTION jsonb_contains(jsonb, jsonb) LEAKPROOF'"
echo "######## with jsonb_contains marked LEAKPROOF by a superuser"
run_all leakproof
su postgres -c "psql -p $PORT -d $BENCH_DB -q -c 'ALTER FUNCTION jsonb_contains(jsonb, jsonb) NOT LEAKPROOF'"
fi

# The value table of V95 (custom_field_value) with its btree indexes (the number one as V108 has it), and the field definitions it refers to,
# filled from the deals' values as V95's backfill does; the filters as CustomFieldFilter writes them.
if [ -z "${SKIP_TABLE_SETUP:-}" ]; then
sed -n '/^CREATE TABLE custom_field_value/,/^CALL enable_tenant_isolation/p' \
  src/main/resources/db/migration/V95__custom_field_values.sql > /tmp/bench-fields-values.sql
cp src/main/resources/db/migration/V108__custom_field_value_number_index_covers_the_value.sql /tmp/bench-fields-v108.sql
chmod 644 /tmp/bench-fields-values.sql /tmp/bench-fields-v108.sql
su postgres -c "psql -p $PORT -d $BENCH_DB -v ON_ERROR_STOP=1 -q" <<SQL
DROP TABLE IF EXISTS custom_field_value, custom_field CASCADE;
CREATE TABLE custom_field (tenant_id bigint NOT NULL, id bigint NOT NULL, record_kind text NOT NULL,
  field_key text NOT NULL, field_type text NOT NULL, PRIMARY KEY (tenant_id, id));
CALL enable_tenant_isolation('custom_field');
GRANT SELECT ON custom_field TO $APP;
INSERT INTO custom_field SELECT w.id, f.id, 'OPPORTUNITY', f.k, f.t FROM workspace w,
  (VALUES (1, 'region', 'SELECT'), (2, 'tier', 'SELECT'), (3, 'seats', 'NUMBER'), (4, 'strategic', 'BOOLEAN'))
  f(id, k, t);
\\i /tmp/bench-fields-values.sql
\\i /tmp/bench-fields-v108.sql
GRANT SELECT ON custom_field_value TO $APP;
ALTER TABLE custom_field_value NO FORCE ROW LEVEL SECURITY;
INSERT INTO custom_field_value (tenant_id, record_kind, record_id, field_id, text_value, number_value, number_key,
                                bool_value)
SELECT o.tenant_id, 'OPPORTUNITY', o.id, f.id,
       CASE WHEN f.field_type = 'SELECT' THEN j.value #>> '{}' END,
       CASE WHEN f.field_type = 'NUMBER' THEN (j.value #>> '{}')::numeric END,
       CASE WHEN f.field_type = 'NUMBER' THEN (j.value #>> '{}')::double precision END,
       CASE WHEN f.field_type = 'BOOLEAN' THEN (j.value #>> '{}')::boolean END
FROM opportunity o CROSS JOIN LATERAL jsonb_each(o.custom_fields) j
JOIN custom_field f ON f.tenant_id = o.tenant_id AND f.field_key = j.key;
ALTER TABLE custom_field_value FORCE ROW LEVEL SECURITY;
VACUUM ANALYZE custom_field_value;
SQL
fi
echo "######## value table (custom_field_value, V95)"
# CPU per transaction: the server's backends are the postmaster's children, and their CPU time is added to its
# cutime/cstime when they exit (pgbench's connections close at the end of each run), divided by the transactions.
DATA_DIR=$(su postgres -c "psql -p $PORT -Atc 'show data_directory'")
POSTMASTER=$(head -1 "$DATA_DIR/postmaster.pid")
TICKS=$(getconf CLK_TCK)
children_cpu() { awk '{print $16 + $17}' "/proc/$POSTMASTER/stat"; }
run_table() { # name script
  mkdir -p "$LOGS/$1"; rm -f "$LOGS/$1"/*
  local before; before=$(children_cpu)
  (cd "$LOGS/$1" && pgbench -h 127.0.0.1 -p "$PORT" -U "$APP" -n -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" \
    -D workspaces="$WORKSPACES" --log -f "$OLDPWD/bench/$2" "$BENCH_DB") | grep -E "number of failed|tps"
  sleep 1
  local cpu n; cpu=$(( $(children_cpu) - before )); n=$(cat "$LOGS/$1"/* | wc -l)
  echo -n "$1: "; percentiles "$LOGS/$1"
  awk -v c="$cpu" -v t="$TICKS" -v n="$n" 'BEGIN { printf "  server CPU %.1f ms per transaction\n", c * 1000 / t / n }'
}
for round in 1 2 3; do
  echo "== round $round, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  run_table table-board custom-fields-board-table.sql
  run_table table-board-sparse custom-fields-board-sparse-table.sql
  run_table table-list custom-fields-list-table.sql
  echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -rf "$LOGS"
