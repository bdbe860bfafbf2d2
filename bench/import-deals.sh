#!/usr/bin/env bash
# Deal import benchmark: a CSV of ROWS deals of an old history (bench/generate-deals.py: twenty owners nobody in
# the workspace has, made former reps; some rows without a created date) uploaded through the public API into a
# new workspace with ownerPolicy=CREATE_INACTIVE, timed from upload to DONE; then the undo of that import (every
# deal it made deleted, with its stage history, and the day rollups counted again), timed to its end.
#   bench/import-deals.sh embedded [ROWS]   # the app's embedded PostgreSQL 18 (fsync on)
#   bench/import-deals.sh external [ROWS]   # Debian's PostgreSQL 15 on 127.0.0.1:5432 (started if down)
# Environment: PORT (8092), REBUILD (set: package the jar first), ROUNDS (1: import and undo pairs, for medians).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-embedded}
ROWS=${2:-100000}
PORT=${PORT:-8092}; BASE=http://localhost:$PORT; LOG=target/bench-import-deals-app.log
EMAIL="deal-importer-$$@bench.test"; PASSWORD=bench-password

[ -f target/pipeline-crm-0.1.0-SNAPSHOT.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -q -B -o -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package
JAR=target/bench-import-deals.jar
cp target/pipeline-crm-0.1.0-SNAPSHOT.jar "$JAR"
CSV=target/bench-deals-$ROWS.csv
[ -f "$CSV" ] || python3 bench/generate-deals.py "$ROWS" "$CSV"
export CRM_DEMO_ENABLED=false SERVER_PORT=$PORT

if [ "$MODE" = external ]; then
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS crm_deal_import_bench'"
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_owner') THEN CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_app') THEN CREATE ROLE crm_app LOGIN PASSWORD 'app-secret'; END IF; END \\\$\\\$\""
  su postgres -c "psql -q -c 'CREATE DATABASE crm_deal_import_bench OWNER crm_owner'"
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/crm_deal_import_bench SPRING_DATASOURCE_USERNAME=crm_app \
    SPRING_DATASOURCE_PASSWORD=app-secret SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=owner-secret
  DBNAME=crm_deal_import_bench
else
  DBNAME=crm
  rm -rf target/bench-import-deals-pg
  export CRM_EMBEDDED_DB_DATA_DIR=target/bench-import-deals-pg
fi

java -jar "$JAR" > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
# a busy machine can take many minutes to start the app: wait up to STARTUP_SECONDS (1800) for it
UP_BY=$(( $(date +%s) + ${STARTUP_SECONDS:-1800} ))
until curl -sf $BASE/actuator/health >/dev/null; do [ "$(date +%s)" -lt "$UP_BY" ] || { echo "the app did not start" >&2; exit 1; }; sleep 2; done
curl -sf -X POST -H 'Content-Type: application/json' $BASE/api/v1/signup \
  -d "{\"workspaceName\":\"Deal import bench\",\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"name\":\"Importer\"}" >/dev/null

# CPU seconds used by the app and by its database sessions: a measure that load from other work does not inflate.
cpu() {
  local ticks=0 pid
  for pid in $APP $(pgrep -f "postgres: crm_app $DBNAME " || true); do
    [ -r /proc/$pid/stat ] && ticks=$((ticks + $(awk '{print $14 + $15}' /proc/$pid/stat)))
  done
  echo "$ticks"
}
seconds() { echo "$(date +%s.%N) - $1" | bc; }
cpus() { echo "($(cpu) - $1) / $(getconf CLK_TCK)" | bc -l; }
rss() { grep -oP 'VmHWM:\s*\K[0-9]+ kB' /proc/$APP/status; }

echo "$(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg), $MODE database, $ROWS rows"
for round in $(seq 1 "${ROUNDS:-1}"); do
  start=$(date +%s.%N); cpu0=$(cpu)
  id=$(curl -sf -u "$EMAIL:$PASSWORD" -F "file=@$CSV" -F entity=opportunities -F ownerPolicy=CREATE_INACTIVE \
    $BASE/api/v1/imports | grep -oP '"id"\s*:\s*\K[0-9]+')
  while :; do
    body=$(curl -sf -u "$EMAIL:$PASSWORD" $BASE/api/v1/imports/$id)
    status=$(echo "$body" | grep -oP '"status"\s*:\s*"\K[A-Z]+' | head -1)
    [ "$status" = DONE ] || [ "$status" = FAILED ] && break
    sleep 0.5
  done
  printf 'round %s deal import: %s in %.1f s wall, %.1f s CPU (app + database sessions)  %s load=%s\n' "$round" \
    "$status" "$(seconds "$start")" "$(cpus "$cpu0")" \
    "$(echo "$body" | grep -oP '"(total|imported|updated|skipped)"\s*:\s*[0-9]+' | tr '\n' ' ')" \
    "$(cut -d' ' -f1 /proc/loadavg)"
  start=$(date +%s.%N); cpu0=$(cpu)
  curl -sf -u "$EMAIL:$PASSWORD" -X POST $BASE/api/v1/imports/$id/undo >/dev/null
  while :; do
    body=$(curl -sf -u "$EMAIL:$PASSWORD" $BASE/api/v1/imports/$id)
    status=$(echo "$body" | grep -oP '"undo"\s*:\s*\{"status"\s*:\s*"\K[A-Z]+' || true)
    [ "$status" = DONE ] || [ "$status" = FAILED ] && break
    sleep 0.5
  done
  printf 'round %s undo of the deal import: %s in %.1f s wall, %.1f s CPU  %s load=%s\n' "$round" "$status" \
    "$(seconds "$start")" "$(cpus "$cpu0")" "$(echo "$body" | grep -oP '"undone"\s*:\s*[0-9]+')" \
    "$(cut -d' ' -f1 /proc/loadavg)"
done
echo "app max RSS: $(rss); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
