#!/usr/bin/env bash
# Dashboard benchmark on Debian's PostgreSQL 15: one workspace with 1,000,000 opportunities, 3,000,000
# stage-history rows and 2,000,000 leads, nine more workspaces with a twentieth of that each.
#   bench/insight.sh setup   # build, create database bench_insight through the app (Flyway), sign up, generate
#   bench/insight.sh run     # start the app on it and measure /api/v1/metrics and the /dashboard page
# Environment: DEALS (1000000), LEADS (2000000), SECONDS (60), CLIENTS (4).
set -euo pipefail
cd "$(dirname "$0")/.."
STEP=${1:-run}
DEALS=${DEALS:-1000000}; LEADS=${LEADS:-2000000}; SECONDS_=${SECONDS:-60}; CLIENTS=${CLIENTS:-4}
PORT=${BENCH_PORT:-8123}; BASE=http://localhost:$PORT; LOG=target/bench-insight-app.log
DB=bench_insight; PASSWORD=bench-password
psql_su() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -d $DB $*"; }

start_app() {
  if curl -s -o /dev/null $BASE/actuator/health; then echo "Port $PORT is taken; set BENCH_PORT"; exit 1; fi
  JAR=$(ls target/pipeline-crm-*.jar | head -1)
  export LOGGING_LEVEL_ORG_PIPELINECRM_INSIGHT=debug
  export CRM_DEMO_ENABLED=false CRM_SIGNUP_PER_ADDRESS_PER_HOUR=100000 SERVER_PORT=$PORT DB_POOL_SIZE=${DB_POOL_SIZE:-20}
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=crm_app \
    SPRING_DATASOURCE_PASSWORD=app-secret SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=owner-secret
  java -jar "$JAR" > "$LOG" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do curl -sf $BASE/actuator/health >/dev/null && return; sleep 1; done
  echo "The app did not start; see $LOG"; exit 1
}

pg_ctlcluster 15 main start 2>/dev/null || true
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

if [ "$STEP" = setup ]; then
  ./mvnw -q -B -DskipTests package
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS $DB'"
  su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_owner') THEN CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_app') THEN CREATE ROLE crm_app LOGIN PASSWORD 'app-secret'; END IF; END \\\$\\\$\""
  su postgres -c "psql -q -c 'CREATE DATABASE $DB OWNER crm_owner'"
  start_app
  for w in $(seq 1 10); do
    curl -sf -X POST -H 'Content-Type: application/json' $BASE/api/v1/signup \
      -d "{\"workspaceName\":\"Bench $w\",\"email\":\"insight$w@bench.test\",\"password\":\"$PASSWORD\",\"name\":\"Manager $w\"}" > /dev/null
  done
  kill $APP; wait $APP 2>/dev/null || true
  FIRST=$(psql_su "-At -c \"select min(id) from workspace\"")
  START=$(date +%s)
  for t in $(psql_su "-At -c \"select id from workspace order by id\""); do
    if [ "$t" = "$FIRST" ]; then d=$DEALS; l=$LEADS; bulk=true; else d=$((DEALS / 20)); l=$((LEADS / 20)); bulk=false; fi
    psql_su "-v tenant=$t -v deals=$d -v leads=$l -v reps=20 -v bulk=$bulk -f bench/generate-insight.sql" > /dev/null
    echo "workspace $t: $d deals, $l leads ($(( $(date +%s) - START )) s)"
  done
  psql_su "-c 'VACUUM ANALYZE'"
  psql_su "-At -c \"select 'opportunities ' || (select count(*) from opportunity) || ', stage changes ' || (select count(*) from stage_change) || ', leads ' || (select count(*) from lead) || ', rollup rows ' || (select count(*) from stage_exit_day)\""
  exit 0
fi

start_app
FIRST=$(psql_su "-At -c \"select min(id) from workspace\"")
TEAM=$(psql_su "-At -c \"select min(id) from team where tenant_id = $FIRST\"")
FROM=$(date -d "$(date +%Y-%m-01) -2 months" +%Y-%m-%d); TO=$(date -d "$(date +%Y-%m-01) +1 month -1 day" +%Y-%m-%d)
echo "Warming up"
java bench/DashboardLoad.java $BASE "insight1@bench.test" "$PASSWORD" "$FROM" "$TO" "$TEAM" 2 15 > /dev/null
WARM=$(grep -ac "dashboard query sets (ms)" "$LOG" || true)
measured() { grep -a "dashboard query sets (ms)" "$LOG" | tail -n +$((WARM + 1)) | sed 's/.*(ms): //'; }
echo "Dashboard, $CLIENTS clients, ${SECONDS_}s, quarter $FROM to $TO"
java bench/DashboardLoad.java $BASE "insight1@bench.test" "$PASSWORD" "$FROM" "$TO" "$TEAM" "$CLIENTS" "$SECONDS_"
echo "Query sets of those dashboards (ms, from the app's log, warm-up left out):"
measured | tr ' ' '\n' | awk -F= '{print $1, $2}' | sort -k1,1 -k2,2n |
  awk '{v[$1, ++n[$1]]=$2} END {for (k in n) printf "  %-16s n %5d  p50 %7.1f  p95 %7.1f  max %7.1f\n", k, n[k], v[k, int(n[k]*0.5)+1], v[k, int(n[k]*0.95)+1], v[k, n[k]]}'
measured | awk '{t=0; for (i=1;i<=NF;i++) {split($i,a,"="); t+=a[2]} print t}' | sort -n |
  awk '{a[NR]=$1} END {printf "  all query sets of one dashboard: p50 %.1f  p95 %.1f  max %.1f\n", a[int(NR*0.5)+1], a[int(NR*0.95)+1], a[NR]}'
echo "Machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
