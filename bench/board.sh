#!/usr/bin/env bash
# Board benchmark: 10 workspaces x 100,000 open opportunities in one database; measures the board's
# first page (all columns with totals) and stage moves through the public API.
#   bench/board.sh external   # Debian's PostgreSQL 15 on 127.0.0.1:5432 (started if down)
#   bench/board.sh embedded   # the app's embedded PostgreSQL 18
# Environment: DEALS (100000), WORKSPACES (10), BENCH_SECONDS (60), BOARD_CLIENTS (8), MOVE_CLIENTS (32), BENCH_PORT (8090).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-external}
DEALS=${DEALS:-100000}; WORKSPACES=${WORKSPACES:-10}; SECONDS_=${BENCH_SECONDS:-60}
BOARD_CLIENTS=${BOARD_CLIENTS:-8}; MOVE_CLIENTS=${MOVE_CLIENTS:-32}
PORT=${BENCH_PORT:-8090}; BASE=http://localhost:$PORT; LOG=target/bench-app-$MODE.log
DEALS_FILE=target/bench-deals-$MODE.txt

# BENCH_SKIP_BUILD=1 reuses the jar (e.g. to run the external and embedded benchmarks side by side).
[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -o -DskipTests package
JAR=$(ls target/pipeline-crm-*.jar | head -1)
cp "$JAR" "target/bench-$MODE.jar"; JAR=target/bench-$MODE.jar
export CRM_DEMO_ENABLED=false CRM_SIGNUP_PER_ADDRESS_PER_HOUR=100000 SERVER_PORT=$PORT DB_POOL_SIZE=${DB_POOL_SIZE:-20}

if [ "$MODE" = external ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS crm_bench'" 
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_owner') THEN CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_app') THEN CREATE ROLE crm_app LOGIN PASSWORD 'app-secret'; END IF; END \\\$\\\$\""
  su postgres -c "psql -q -c 'CREATE DATABASE crm_bench OWNER crm_owner'"
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/crm_bench SPRING_DATASOURCE_USERNAME=crm_app \
    SPRING_DATASOURCE_PASSWORD=app-secret SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=owner-secret
  psql_su() { su postgres -c "psql -X -q -d crm_bench $*"; }
else
  rm -rf target/bench-pg
  export CRM_EMBEDDED_DB_DATA_DIR=target/bench-pg
fi

java -jar "$JAR" > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf $BASE/actuator/health >/dev/null && break; sleep 1; done  # start-up is slow on a loaded machine
if [ "$MODE" = embedded ]; then
  PGPORT=$(grep -oP 'Embedded PostgreSQL on port \K[0-9]+' "$LOG")
  # The embedded server asks every connection for a password; the superuser's is in its data folder.
  export PGPASSWORD=$(grep -oP '^postgres=\K.*' target/bench-pg/crm-passwords.properties)
  PSQL="psql -X -q -h localhost -p $PGPORT -U postgres -d crm"
  psql_su() { eval "$PSQL $*"; }
fi

echo "Creating $WORKSPACES workspaces with $DEALS open deals each"
for w in $(seq 1 "$WORKSPACES"); do
  curl -sf -X POST -H 'Content-Type: application/json' $BASE/api/v1/signup \
    -d "{\"workspaceName\":\"Bench $w\",\"email\":\"bench$w-$$@bench.test\",\"password\":\"bench-password\",\"name\":\"Bench $w\"}" > /dev/null
done
TENANTS=$(psql_su "-At -c \"select id from workspace order by id\"")
START=$(date +%s)
for t in $TENANTS; do psql_su "-v tenant=$t -v deals=$DEALS -f bench/generate-opportunities.sql" > /dev/null; done
echo "Generated in $(( $(date +%s) - START )) s"

FIRST=$(echo "$TENANTS" | head -1)
TOKEN=$(curl -sf -u "bench1-$$@bench.test:bench-password" -H 'Content-Type: application/json' \
  -X POST $BASE/api/v1/tokens -d '{"name":"bench"}' | grep -oP '"token"\s*:\s*"\K[^"]+')
PIPELINE=$(psql_su "-At -c \"select min(id) from pipeline where tenant_id = $FIRST\"")
STAGES=$(psql_su "-At -c \"select string_agg(id::text, ',' order by position) from stage where tenant_id = $FIRST and pipeline_id = $PIPELINE and kind = 'OPEN'\"")
psql_su "-At -c \"select id from opportunity where tenant_id = $FIRST order by random() limit $((MOVE_CLIENTS * 100))\"" > "$DEALS_FILE"

echo "Warming up"
java bench/BoardLoad.java $BASE "$TOKEN" board 4 15 "$PIPELINE" "$STAGES" > /dev/null
echo "Board, first page of every column"
java bench/BoardLoad.java $BASE "$TOKEN" board "$BOARD_CLIENTS" "$SECONDS_" "$PIPELINE" "$STAGES"
echo "Stage moves"
java bench/BoardLoad.java $BASE "$TOKEN" moves "$MOVE_CLIENTS" "$SECONDS_" "$PIPELINE" "$STAGES" "$DEALS_FILE"
