#!/usr/bin/env bash
# Scale-out comparison, in one run on this machine: the board's first page, stage moves and the dashboard through
# the public API, on one PostgreSQL 15 node and on the local Citus cluster (coordinator + 2 workers, ops/citus.sh),
# each with one app instance and with two instances behind nginx (ops/two-instances.sh, round-robin).
#   bench/scale-out.sh              # both engines (single, then citus)
#   bench/scale-out.sh single       # one PostgreSQL only (Debian's cluster 15 main, database crm_scale)
#   bench/scale-out.sh citus        # the Citus cluster only (database crm on the coordinator, emptied first)
# Besides latency and throughput (from the load drivers) every result carries the CPU the app JVM(s) and the
# database servers used during it (utime + stime from /proc, the servers' ended backends included), divided by the
# requests, and the load average before and after: the machine is shared, so compare CPU per request and ratios.
# Environment: WORKSPACES (10), DEALS (100000 per workspace), BENCH_SECONDS (60), BOARD_CLIENTS (8),
# MOVE_CLIENTS (32), DASHBOARD_CLIENTS (4), DB_POOL_SIZE (20 per instance), BENCH_SKIP_BUILD=1 (reuse the jar),
# RESULTS (target/scale-out/results.txt), SCALE_KEEP=1 (leave the last engine's instances running),
# SCALE_REUSE=1 (citus, with INSTANCES=1: measure the instance and data an earlier run left), INSTANCES=1 (one instance only, without nginx: when starting two takes too long). Run as root (it starts Debian's cluster and the Citus nodes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ENGINES=${1:-single citus}; [ "$ENGINES" = all ] && ENGINES="single citus"
WORKSPACES=${WORKSPACES:-10}; DEALS=${DEALS:-100000}; SECONDS_=${BENCH_SECONDS:-60}
BOARD_CLIENTS=${BOARD_CLIENTS:-8}; MOVE_CLIENTS=${MOVE_CLIENTS:-32}; DASHBOARD_CLIENTS=${DASHBOARD_CLIENTS:-4}
OUT=$ROOT/target/scale-out; RESULTS=${RESULTS:-$OUT/results.txt}
PASSWORD=bench-password
TICKS=$(getconf CLK_TCK)
mkdir -p "$OUT"

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -o -DskipTests -Djacoco.skip=true package
JAR=$(ls target/pipeline-crm-*.jar | grep -v plain | head -1)

log() { echo "scale-out: $*"; }
record() { echo "$*" | tee -a "$RESULTS"; }

# CPU ticks (utime + stime) of a process; with a second argument also its ended, reaped children's.
proc_ticks() {
  local s; s=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
  s=${s##*) }  # after the command name: state is field 1, utime 12, stime 13, cutime 14, cstime 15
  awk -v c="${2:-0}" '{print $12 + $13 + (c ? $14 + $15 : 0)}' <<< "$s"
}
# The database servers: every postmaster (with its ended backends) and its live processes.
db_ticks() {
  local total=0 pm child
  for pm in $POSTMASTERS; do
    total=$((total + $(proc_ticks "$pm" 1)))
    for child in $(pgrep -P "$pm" || true); do total=$((total + $(proc_ticks "$child"))); done
  done
  echo $total
}
app_ticks() { local total=0 pid; for pid in $APP_PIDS; do total=$((total + $(proc_ticks "$pid"))); done; echo $total; }

# measure LABEL COMMAND...: runs one load driver, prints its figures with the CPU per request and the load average.
measure() {
  local label=$1; shift
  local load_before app0 db0 app1 db1 t0 t1 out requests
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  app0=$(app_ticks); db0=$(db_ticks); t0=$(date +%s%N)
  out=$("$@")
  app1=$(app_ticks); db1=$(db_ticks); t1=$(date +%s%N)
  requests=$(echo "$out" | grep -oP 'requests[= ]\K[0-9]+' | awk '{s += $1} END {print s + 0}')
  record "== $label  (load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg))"
  record "$out"
  awk -v r="$requests" -v a=$((app1 - app0)) -v d=$((db1 - db0)) -v hz="$TICKS" -v w=$(( (t1 - t0) / 1000000 )) 'BEGIN {
    printf "cpu: app %.0f ms, database %.0f ms over %.1f s wall (of %d ms on 2 cores); per request: app %.2f ms, database %.2f ms, both %.2f ms\n",
      a * 1000 / hz, d * 1000 / hz, w / 1000, 2 * w, a * 1000 / hz / r, d * 1000 / hz / r, (a + d) * 1000 / hz / r }' | tee -a "$RESULTS"
}

setup_single() {
  pg_ctlcluster 15 main start 2>/dev/null || true
  su postgres -c "psql -X -q -c 'DROP DATABASE IF EXISTS crm_scale WITH (FORCE)'"
  su postgres -c "psql -X -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_owner') THEN CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_app') THEN CREATE ROLE crm_app LOGIN PASSWORD 'app-secret'; END IF; END \\\$\\\$\""
  su postgres -c "psql -X -q -c 'CREATE DATABASE crm_scale OWNER crm_owner'"
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/crm_scale
  POSTMASTERS=$(head -1 /var/lib/postgresql/15/main/postmaster.pid)
  psql_su() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -d crm_scale $*"; }
}

setup_citus() {
  ops/citus.sh start > /dev/null
  [ "${SCALE_REUSE:-0}" = 1 ] || ops/citus.sh reset > /dev/null
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:${CITUS_COORDINATOR_PORT:-9700}/crm
  local data=target/citus/data n
  [ -L "$data" ] && data=$(readlink -f "$data")
  POSTMASTERS=""
  for n in coordinator worker1 worker2; do POSTMASTERS="$POSTMASTERS $(head -1 "$data/$n/postmaster.pid")"; done
  psql_su() { eval "PGPASSWORD=${CITUS_ADMIN_PASSWORD:-citus-admin-secret} psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p ${CITUS_COORDINATOR_PORT:-9700} -U postgres -d crm $*"; }
}

run_engine() {
  local engine=$1 dir=$OUT/$1
  log "$engine: database"
  "setup_$engine"
  export SPRING_DATASOURCE_USERNAME=crm_app SPRING_DATASOURCE_PASSWORD=app-secret \
    SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=owner-secret
  export CRM_DEMO_ENABLED=false CRM_SIGNUP_PER_ADDRESS_PER_HOUR=100000 DB_POOL_SIZE=${DB_POOL_SIZE:-20}
  export OPS_START_TIMEOUT=${OPS_START_TIMEOUT:-900} OPS_DIR=$dir OPS_SKIP_BUILD=1 NGINX_PORT=${NGINX_PORT:-8180} INSTANCE_PORTS="${INSTANCE_PORTS:-8181 8182}"
  mkdir -p "$dir"; cp "$JAR" "$dir/app.jar"
  trap 'ops/two-instances.sh stop > /dev/null 2>&1 || true' EXIT
  read -r -a ports <<< "$INSTANCE_PORTS"
  local one=http://127.0.0.1:${ports[0]} two=http://127.0.0.1:$NGINX_PORT bases
  if [ "${SCALE_REUSE:-0}" = 1 ]; then
    log "$engine: the instance and data of an earlier run (SCALE_REUSE=1)"
    bases=$one
  elif [ "${INSTANCES:-2}" = 1 ]; then
    log "$engine: one app instance (it migrates)"
    bases=$one
    trap 'kill "$(cat "$OPS_DIR/app1.pid")" 2>/dev/null || true' EXIT
    nohup java -Xmx512m -jar "$dir/app.jar" --server.port="${ports[0]}" > "$dir/app1.log" 2>&1 &
    echo $! > "$dir/app1.pid"
    local i; for i in $(seq 1 "$OPS_START_TIMEOUT"); do curl -sf "$one/actuator/health" > /dev/null && break; sleep 1; done
    curl -sf "$one/actuator/health" > /dev/null || { echo "the app did not start, see $dir/app1.log"; exit 1; }
  else
    log "$engine: two app instances and nginx (the first one migrates)"
    bases="$one $two"
    ops/two-instances.sh start
  fi

  local w t start tenants
  if [ "${SCALE_REUSE:-0}" != 1 ]; then
  log "$engine: $WORKSPACES workspaces with $DEALS open deals each"
  for w in $(seq 1 "$WORKSPACES"); do
    curl -sf -X POST -H 'Content-Type: application/json' "$one/api/v1/signup" \
      -d "{\"workspaceName\":\"Scale $w\",\"email\":\"scale$w@bench.test\",\"password\":\"$PASSWORD\",\"name\":\"Scale $w\"}" > /dev/null
  done
  tenants=$(psql_su "-At -c \"select id from workspace order by id\"")
  start=$(date +%s)
  for t in $tenants; do psql_su "-v tenant=$t -v deals=$DEALS -f bench/generate-opportunities.sql" > /dev/null; done
  psql_su "-c 'VACUUM ANALYZE'" > /dev/null
  record "# $engine: $WORKSPACES workspaces x $DEALS open deals generated in $(( $(date +%s) - start )) s"
  fi
  tenants=$(psql_su "-At -c \"select id from workspace order by id\"")

  local first pipeline stages team token deals_file=$dir/deals.txt
  first=$(echo "$tenants" | head -1)
  token=$(curl -sf -u "scale1@bench.test:$PASSWORD" -H 'Content-Type: application/json' \
    -X POST "$one/api/v1/tokens" -d '{"name":"bench"}' | grep -oP '"token"\s*:\s*"\K[^"]+')
  pipeline=$(psql_su "-At -c \"select min(id) from pipeline where tenant_id = $first\"")
  stages=$(psql_su "-At -c \"select string_agg(id::text, ',' order by position) from stage where tenant_id = $first and pipeline_id = $pipeline and kind = 'OPEN'\"")
  team=$(psql_su "-At -c \"select coalesce(min(id), 0) from team where tenant_id = $first\"")
  psql_su "-At -c \"select id from opportunity where tenant_id = $first order by random() limit $((MOVE_CLIENTS * 100))\"" > "$deals_file"
  local from to
  from=$(date -d "$(date +%Y-%m-01) -2 months" +%Y-%m-%d); to=$(date -d "$(date +%Y-%m-01) +1 month -1 day" +%Y-%m-%d)

  local base label
  for base in $bases; do
    if [ "$base" = "$one" ]; then label="$engine, 1 instance"; APP_PIDS=$(cat "$dir/app1.pid")
    else label="$engine, 2 instances behind nginx"; APP_PIDS="$(cat "$dir/app1.pid") $(cat "$dir/app2.pid")"; fi
    log "$label: warming up"
    java bench/BoardLoad.java "$base" "$token" board 4 15 "$pipeline" "$stages" > /dev/null
    java bench/DashboardLoad.java "$base" "scale1@bench.test" "$PASSWORD" "$from" "$to" "$team" 2 10 > /dev/null
    measure "$label: board first page" java bench/BoardLoad.java "$base" "$token" board "$BOARD_CLIENTS" "$SECONDS_" "$pipeline" "$stages"
    measure "$label: stage moves" java bench/BoardLoad.java "$base" "$token" moves "$MOVE_CLIENTS" "$SECONDS_" "$pipeline" "$stages" "$deals_file"
    measure "$label: dashboard (page and /api/v1/metrics)" java bench/DashboardLoad.java "$base" "scale1@bench.test" "$PASSWORD" "$from" "$to" "$team" "$DASHBOARD_CLIENTS" "$SECONDS_"
  done
  trap - EXIT
  # SCALE_KEEP=1 leaves the last engine's instances running (e.g. to try the shard moves of docs/scale-out.md).
  [ "${SCALE_KEEP:-0}" = 1 ] && [ "$engine" = "${ENGINES##* }" ] && { log "instances left running (ops/two-instances.sh stop)"; return; }
  if [ "${INSTANCES:-2}" = 1 ]; then kill "$(cat "$dir/app1.pid")"; else ops/two-instances.sh stop; fi
}

record "# scale-out run $(date -u +%FT%TZ): $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${SECONDS_} s each, clients board $BOARD_CLIENTS, moves $MOVE_CLIENTS, dashboard $DASHBOARD_CLIENTS"
for engine in $ENGINES; do run_engine "$engine"; done
log "results in $RESULTS"
