#!/usr/bin/env bash
# Creates a benchmark database on a local PostgreSQL server (Debian's cluster 15 main by default), applies the
# app's migrations (versioned, repeatable and the afterMigrate callback, as Flyway does), and fills it with generate.sql.
# Usage: bench/setup.sh [workspaces] [opportunities-per-workspace]    (run as root; uses the postgres OS user)
set -euo pipefail
cd "$(dirname "$0")/.."
WORKSPACES=${1:-10}
PER_WORKSPACE=${2:-100000}
DB=${BENCH_DB:-bench_pipeline}
OWNER=${BENCH_OWNER:-bench_pipeline_owner}
APP=${BENCH_APP:-bench_pipeline_app}
PASSWORD=${BENCH_PASSWORD:-bench-pass}
PORT=${PGPORT:-5432}
psql_su() { su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -q $*"; }

psql_su "-c \"DROP DATABASE IF EXISTS $DB\""
for role in "$OWNER" "$APP"; do
  psql_su "-c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN CREATE ROLE $role LOGIN PASSWORD '$PASSWORD'; END IF; END \\\$\\\$\""
done
psql_su "-c \"CREATE DATABASE $DB OWNER $OWNER\""
# The app's migrations as Flyway applies them to a new database: every versioned one in version order, then the
# repeatable ones (R__*.sql: functions, triggers, views, row-level security) in name order, then the afterMigrate
# callback (nothing on plain PostgreSQL); each file in one transaction, ${app_role} replaced by the app role.
MIGRATIONS=src/main/resources/db/migration
{ ls "$MIGRATIONS" | grep -E '^V[0-9]+__.*\.sql$' | sort -t_ -k1.2n
  ls "$MIGRATIONS" | grep -E '^R__.*\.sql$' | LC_ALL=C sort
  ls "$MIGRATIONS" | grep -E '^afterMigrate.*\.sql$' | LC_ALL=C sort; } > /tmp/bench-migrations.txt
while read -r migration; do
  sed "s/\${app_role}/$APP/g" "$MIGRATIONS/$migration" > /tmp/bench-migration.sql
  chmod 644 /tmp/bench-migration.sql
  PGPASSWORD=$PASSWORD PGOPTIONS="-c client_min_messages=warning" psql -X -h 127.0.0.1 -p "$PORT" -U "$OWNER" -d "$DB" -v ON_ERROR_STOP=1 -q -1 \
    -f /tmp/bench-migration.sql > /dev/null || { echo "setup: $migration failed" >&2; exit 1; }
done < /tmp/bench-migrations.txt
echo "setup: $(wc -l < /tmp/bench-migrations.txt) migrations applied ($(grep -c '^R__' /tmp/bench-migrations.txt) repeatable)"
# The generator runs as superuser: it writes every workspace at once, which row-level security would refuse.
sed -e "s/:workspaces/$WORKSPACES/g" -e "s/:per_workspace/$PER_WORKSPACE/g" bench/generate.sql > /tmp/bench-generate.sql
chmod 644 /tmp/bench-generate.sql
time su postgres -c "psql -p $PORT -d $DB -v ON_ERROR_STOP=1 -q -f /tmp/bench-generate.sql"
