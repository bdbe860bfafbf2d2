#!/usr/bin/env bash
# Export benchmark: one workspace with DEALS open deals and LEADS leads; times GET /api/v1/exports/{entity} as CSV
# and XLSX (the whole file, read to the end) and records the app's heap before and after, with the heap capped so
# that an export which held its rows in memory would fail.
#   bench/export.sh external   # Debian's PostgreSQL 15 on 127.0.0.1:5432 (started if down)
#   bench/export.sh embedded   # the app's embedded PostgreSQL 18
# Environment: DEALS (100000), LEADS (100000), BENCH_HEAP (256m), BENCH_PORT (8091), BENCH_SKIP_BUILD (0),
# ROUNDS (3 measured rounds after a warm-up, for medians).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-embedded}
DEALS=${DEALS:-100000}; LEADS=${LEADS:-100000}; HEAP=${BENCH_HEAP:-256m}
PORT=${BENCH_PORT:-8091}; BASE=http://localhost:$PORT; LOG=target/bench-export-$MODE.log

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -o -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package
JAR=$(ls target/pipeline-crm-*.jar | head -1)
cp "$JAR" "target/bench-export-$MODE.jar"; JAR=target/bench-export-$MODE.jar
export CRM_DEMO_ENABLED=false SERVER_PORT=$PORT

if [ "$MODE" = external ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS crm_export_bench'"
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_owner') THEN CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_app') THEN CREATE ROLE crm_app LOGIN PASSWORD 'app-secret'; END IF; END \\\$\\\$\""
  su postgres -c "psql -q -c 'CREATE DATABASE crm_export_bench OWNER crm_owner'"
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/crm_export_bench SPRING_DATASOURCE_USERNAME=crm_app \
    SPRING_DATASOURCE_PASSWORD=app-secret SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=owner-secret
  psql_su() { su postgres -c "psql -X -q -d crm_export_bench $*"; }
else
  rm -rf target/bench-export-pg
  export CRM_EMBEDDED_DB_DATA_DIR=target/bench-export-pg
fi

java -Xmx"$HEAP" -jar "$JAR" > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
# a busy machine can take many minutes to start the app: wait up to STARTUP_SECONDS (1800) for it
UP_BY=$(( $(date +%s) + ${STARTUP_SECONDS:-1800} ))
until curl -sf $BASE/actuator/health >/dev/null; do [ "$(date +%s)" -lt "$UP_BY" ] || { echo "the app did not start" >&2; exit 1; }; sleep 2; done
if [ "$MODE" = embedded ]; then
  PGPORT=$(grep -oP 'Embedded PostgreSQL on port \K[0-9]+' "$LOG")
  # the embedded database asks for passwords; the superuser's is kept beside its data
  export PGPASSWORD=$(grep -oP '^postgres=\K.*' target/bench-export-pg/crm-passwords.properties)
  psql_su() { eval "psql -X -q -h localhost -p $PGPORT -U postgres -d crm $*"; }
fi

EMAIL="export-$$@bench.test"
curl -sf -X POST -H 'Content-Type: application/json' $BASE/api/v1/signup \
  -d "{\"workspaceName\":\"Export bench\",\"email\":\"$EMAIL\",\"password\":\"bench-password\",\"name\":\"Bench\"}" > /dev/null
TENANT=$(curl -sf -u "$EMAIL:bench-password" $BASE/api/v1/me | grep -oP '"workspaceId"\s*:\s*\K[0-9]+')
START=$(date +%s)
psql_su "-v tenant=$TENANT -v deals=$DEALS -f bench/generate-opportunities.sql" > /dev/null
psql_su "-v tenant=$TENANT -v leads=$LEADS -f bench/generate-export-leads.sql" > /dev/null
echo "Generated $DEALS deals and $LEADS leads in $(( $(date +%s) - START )) s for workspace $TENANT:" \
  "$(psql_su "-At -c \"select (select count(*) from opportunity where tenant_id = $TENANT) || ' deals, ' || (select count(*) from lead where tenant_id = $TENANT) || ' leads'\"")"

heap() { jcmd $APP GC.heap_info 2>/dev/null | grep -oP 'used \K[0-9]+K' | head -1; }
# CPU seconds the app process used (user + system, from /proc): a measure that other work on the machine does not inflate
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' /proc/$APP/stat; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); heap cap $HEAP; heap used before: $(heap)"
# a warm-up round, then ROUNDS measured ones (default 3, for medians)
for round in warm-up $(seq 1 "${ROUNDS:-3}"); do
  for entity in opportunities leads; do
    for format in csv xlsx; do
      OUT=target/bench-export.$format
      CPU0=$(cpu)
      STATS=$(curl -sf -u "$EMAIL:bench-password" -o "$OUT" -w '%{time_total} %{size_download}' \
        "$BASE/api/v1/exports/$entity?format=$format")
      CPU1=$(cpu)
      ROWS=$([ "$format" = csv ] && echo $(( $(wc -l < "$OUT") - 1 )) || echo "-")
      [ "$round" != warm-up ] && echo "round=$round entity=$entity format=$format seconds=${STATS% *} app_cpu_seconds=$(echo "$CPU1 - $CPU0" | bc) bytes=${STATS#* } csv_rows=$ROWS heap_used_after=$(heap) load=$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
STATS=$(curl -sf -u "$EMAIL:bench-password" -o target/bench-export.zip -w '%{time_total} %{size_download}' \
  "$BASE/api/v1/exports/workspace")
echo "entity=workspace format=zip seconds=${STATS% *} bytes=${STATS#* } heap_used_after=$(heap)"
echo "app max RSS (VmHWM, whole run): $(grep -oP 'VmHWM:\s*\K[0-9]+ kB' /proc/$APP/status); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
