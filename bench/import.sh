#!/usr/bin/env bash
# Import benchmark: a CSV of ROWS leads (bench/generate-leads.py: duplicates and bad rows included) uploaded
# through the public API into a new workspace, timed from upload to DONE; then the same file again, which
# updates every lead by its external id; then undoes the re-import.
#   bench/import.sh embedded [ROWS]   # the app's embedded PostgreSQL 18 (fsync on)
#   bench/import.sh external [ROWS]   # Debian's PostgreSQL 15 on 127.0.0.1:5432 (started if down)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-embedded}
ROWS=${2:-100000}
PORT=${PORT:-8091}; BASE=http://localhost:$PORT; LOG=target/bench-import-app.log
EMAIL="importer-$$@bench.test"; PASSWORD=bench-password

[ -f target/pipeline-crm-0.1.0-SNAPSHOT.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -q -B -o -DskipTests package
JAR=target/pipeline-crm-0.1.0-SNAPSHOT.jar
CSV=target/bench-leads-$ROWS.csv
[ -f "$CSV" ] || python3 bench/generate-leads.py "$ROWS" "$CSV"
export CRM_DEMO_ENABLED=false SERVER_PORT=$PORT

if [ "$MODE" = external ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS crm_import_bench'"
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_owner') THEN CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_app') THEN CREATE ROLE crm_app LOGIN PASSWORD 'app-secret'; END IF; END \\\$\\\$\""
  su postgres -c "psql -q -c 'CREATE DATABASE crm_import_bench OWNER crm_owner'"
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/crm_import_bench SPRING_DATASOURCE_USERNAME=crm_app \
    SPRING_DATASOURCE_PASSWORD=app-secret SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=owner-secret
  DBNAME=crm_import_bench
else
  DBNAME=crm
  rm -rf target/bench-import-pg
  export CRM_EMBEDDED_DB_DATA_DIR=target/bench-import-pg
fi

java -jar "$JAR" > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf $BASE/actuator/health >/dev/null && break; sleep 1; done
curl -sf -X POST -H 'Content-Type: application/json' $BASE/api/v1/signup \
  -d "{\"workspaceName\":\"Import bench\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"name\":\"Importer\"}" >/dev/null

# CPU seconds used by the app and by its database sessions: a measure that load from other work does not inflate.
cpu() {
  local ticks=0 pid
  for pid in $APP $(pgrep -f "postgres: crm_app $DBNAME " || true); do
    [ -r /proc/$pid/stat ] && ticks=$((ticks + $(awk '{print $14 + $15}' /proc/$pid/stat)))
  done
  echo "$ticks"
}
run() {
  local start id status body cpu0
  start=$(date +%s.%N); cpu0=$(cpu)
  id=$(curl -sf -u "$EMAIL:$PASSWORD" -F "file=@$CSV" -F entity=leads -F 'mapping={"source":"Lead Source"}' \
    $BASE/api/v1/imports | grep -oP '"id"\s*:\s*\K[0-9]+')
  LAST_ID=$id
  while :; do
    body=$(curl -sf -u "$EMAIL:$PASSWORD" $BASE/api/v1/imports/$id)
    status=$(echo "$body" | grep -oP '"status"\s*:\s*"\K[A-Z]+')
    [ "$status" = DONE ] || [ "$status" = FAILED ] && break
    sleep 0.2
  done
  printf '%s: %s in %.1f s wall, %.1f s CPU (app + database sessions)  %s\n' "$1" "$status" \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$(echo "($(cpu) - $cpu0) / $(getconf CLK_TCK)" | bc -l)" \
    "$(echo "$body" | grep -oP '"(total|imported|updated|skipped)"\s*:\s*[0-9]+' | tr '\n' ' ')"
}
echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg), $MODE database, $ROWS rows"
run "first import"
run "re-import (updates by external id)"
# Undo of the re-import: every updated lead gets its values before back, 500 per transaction.
undo() {
  local start body status cpu0
  start=$(date +%s.%N); cpu0=$(cpu)
  curl -sf -u "$EMAIL:$PASSWORD" -X POST $BASE/api/v1/imports/$LAST_ID/undo >/dev/null
  while :; do
    body=$(curl -sf -u "$EMAIL:$PASSWORD" $BASE/api/v1/imports/$LAST_ID)
    status=$(echo "$body" | grep -oP '"undo"\s*:\s*\{"status"\s*:\s*"\K[A-Z]+' || true)
    [ "$status" = DONE ] && break
    sleep 0.2
  done
  printf 'undo of the re-import: %s in %.1f s wall, %.1f s CPU  %s\n' "$status" \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$(echo "($(cpu) - $cpu0) / $(getconf CLK_TCK)" | bc -l)" \
    "$(echo "$body" | grep -oP '"undone"\s*:\s*[0-9]+')"
}
undo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
