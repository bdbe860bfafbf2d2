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
# RESULTS (target/scale-out/results.txt), SCALE_KEEP=1 (leave the instances running),
# ROUNDS (3: every mode on every engine and instance count in turn, per round; medians at the end),
# SCALE_REUSE=1 (keep the databases and data of an earlier run: no reset, no generation; the instances start anew),
# INSTANCES=1 (one instance only, without nginx: when starting two takes too long). Run as root (it starts Debian's cluster and the Citus nodes).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ENGINES=${1:-single citus}; [ "$ENGINES" = all ] && ENGINES="single citus"
WORKSPACES=${WORKSPACES:-10}; DEALS=${DEALS:-100000}; SECONDS_=${BENCH_SECONDS:-60}
ROUNDS=${ROUNDS:-3}; BOARD_CLIENTS=${BOARD_CLIENTS:-8}; MOVE_CLIENTS=${MOVE_CLIENTS:-32}; DASHBOARD_CLIENTS=${DASHBOARD_CLIENTS:-4}
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
  for pm in $POSTMASTERS_NOW; do
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
  local p50; p50=$(echo "$out" | grep -oP 'p50[= ]\K[0-9.]+' | head -1)
  record "== $label  (load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg))"
  record "$out"
  awk -v r="$requests" -v a=$((app1 - app0)) -v d=$((db1 - db0)) -v hz="$TICKS" -v w=$(( (t1 - t0) / 1000000 )) 'BEGIN {
    printf "cpu: app %.0f ms, database %.0f ms over %.1f s wall (of %d ms on 2 cores); per request: app %.2f ms, database %.2f ms, both %.2f ms\n",
      a * 1000 / hz, d * 1000 / hz, w / 1000, 2 * w, a * 1000 / hz / r, d * 1000 / hz / r, (a + d) * 1000 / hz / r }' | tee -a "$RESULTS"
  LAST=$(awk -v r="$requests" -v a=$((app1 - app0)) -v d=$((db1 - db0)) -v hz="$TICKS" -v s="$SECONDS_" -v p="${p50:-0}" -v l="$load_before" \
    'BEGIN { r = r ? r : 1; printf "%.1f %.1f %.2f %.2f %s", r / s, p, a * 1000 / hz / r, d * 1000 / hz / r, l }')
}

# psql as a superuser on ENGINE's database: psql_on ENGINE ARGS...
psql_on() {
  local engine=$1; shift
  if [ "$engine" = single ]; then
    su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p ${SINGLE_PORT:-5432} -d crm_scale $*"
  else
    eval "PGPASSWORD=${CITUS_ADMIN_PASSWORD:-citus-admin-secret} psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p ${CITUS_COORDINATOR_PORT:-9700} -U postgres -d crm $*"
  fi
}

setup_single() {
  pg_ctlcluster 15 main start 2>/dev/null || true
  if [ "${SCALE_REUSE:-0}" != 1 ]; then
    su postgres -c "psql -X -q -c 'DROP DATABASE IF EXISTS crm_scale WITH (FORCE)'"
    su postgres -c "psql -X -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_owner') THEN CREATE ROLE crm_owner LOGIN PASSWORD 'owner-secret'; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='crm_app') THEN CREATE ROLE crm_app LOGIN PASSWORD 'app-secret'; END IF; END \\\$\\\$\""
    su postgres -c "psql -X -q -c 'CREATE DATABASE crm_scale OWNER crm_owner'"
  fi
  URL[single]=jdbc:postgresql://127.0.0.1:${SINGLE_PORT:-5432}/crm_scale
  POSTMASTERS[single]=$(head -1 /var/lib/postgresql/15/main/postmaster.pid)
}

setup_citus() {
  local port n pms=""
  # A cluster already running on the ports is used as it is (CITUS_DIR: where its nodes live, for ops/citus.sh).
  pg_isready -q -h 127.0.0.1 -p "${CITUS_COORDINATOR_PORT:-9700}" || ops/citus.sh start > /dev/null
  [ "${SCALE_REUSE:-0}" = 1 ] || ops/citus.sh reset > /dev/null
  URL[citus]=jdbc:postgresql://127.0.0.1:${CITUS_COORDINATOR_PORT:-9700}/crm
  # The postmasters are the processes listening on the three ports.
  for port in "${CITUS_COORDINATOR_PORT:-9700}" "${CITUS_WORKER1_PORT:-9701}" "${CITUS_WORKER2_PORT:-9702}"; do
    pms="$pms $(ss -ltnpH "sport = :$port" | grep -oP 'pid=\K[0-9]+' | head -1)"
  done
  POSTMASTERS[citus]=$pms
}

declare -A URL POSTMASTERS BASES TOKEN PIPELINE STAGES TEAM COUNTS PIDS_ONE PIDS_TWO

# The environment of ENGINE's instances (ops/two-instances.sh reads it): ports, folder, database.
engine_env() {
  local engine=$1
  export SPRING_DATASOURCE_URL=${URL[$engine]} SPRING_DATASOURCE_USERNAME=crm_app SPRING_DATASOURCE_PASSWORD=app-secret \
    SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=owner-secret
  export CRM_DEMO_ENABLED=false CRM_SIGNUP_PER_ADDRESS_PER_HOUR=100000 DB_POOL_SIZE=${DB_POOL_SIZE:-20}
  export OPS_START_TIMEOUT=${OPS_START_TIMEOUT:-900} OPS_DIR=$OUT/$engine OPS_SKIP_BUILD=1
  if [ "$engine" = single ]; then NGINX_PORT=8180 INSTANCE_PORTS="8181 8182"; else NGINX_PORT=8190 INSTANCE_PORTS="8191 8192"; fi
  export NGINX_PORT INSTANCE_PORTS
}

stop_all() {
  local engine
  for engine in $ENGINES; do
    engine_env "$engine"
    ops/two-instances.sh stop > /dev/null 2>&1 || true
  done
}

# Database, instances and data of one engine; the ids the load drivers need.
prepare_engine() {
  local engine=$1 dir=$OUT/$1
  log "$engine: database"
  "setup_$engine"
  engine_env "$engine"
  mkdir -p "$dir"; cp "$JAR" "$dir/app.jar"
  local ports; read -r -a ports <<< "$INSTANCE_PORTS"
  local one=http://127.0.0.1:${ports[0]} two=http://127.0.0.1:$NGINX_PORT
  if [ "${INSTANCES:-2}" = 1 ]; then
    log "$engine: one app instance (it migrates)"
    BASES[$engine]=$one
    nohup java -Xmx512m -jar "$dir/app.jar" --server.port="${ports[0]}" > "$dir/app1.log" 2>&1 &
    echo $! > "$dir/app1.pid"
    local i; for i in $(seq 1 "$OPS_START_TIMEOUT"); do curl -sf "$one/actuator/health" > /dev/null && break; sleep 1; done
    curl -sf "$one/actuator/health" > /dev/null || { echo "the app did not start, see $dir/app1.log"; exit 1; }
  else
    log "$engine: two app instances and nginx (the first one migrates)"
    BASES[$engine]="$one $two"
    ops/two-instances.sh start
    PIDS_TWO[$engine]="$(cat "$dir/app1.pid") $(cat "$dir/app2.pid")"
  fi
  PIDS_ONE[$engine]=$(cat "$dir/app1.pid")

  local w t start tenants
  if [ "${SCALE_REUSE:-0}" != 1 ]; then
    log "$engine: $WORKSPACES workspaces with $DEALS open deals each"
    for w in $(seq 1 "$WORKSPACES"); do
      curl -sf -X POST -H 'Content-Type: application/json' "$one/api/v1/signup" \
        -d "{\"workspaceName\":\"Scale $w\",\"email\":\"scale$w@bench.test\",\"password\":\"$PASSWORD\",\"name\":\"Scale $w\"}" > /dev/null
    done
    tenants=$(psql_on "$engine" "-At -c \"select id from workspace order by id\"")
    start=$(date +%s)
    for t in $tenants; do psql_on "$engine" "-v tenant=$t -v deals=$DEALS -f bench/generate-opportunities.sql" > /dev/null; done
    psql_on "$engine" "-c 'VACUUM ANALYZE'" > /dev/null
    record "# $engine: $WORKSPACES workspaces x $DEALS open deals generated in $(( $(date +%s) - start )) s"
  fi
  # The same data on every engine: the row counts of what the benchmark reads and writes.
  COUNTS[$engine]=$(psql_on "$engine" "-At -c \"select 'workspaces ' || (select count(*) from workspace) || ', open deals ' || (select count(*) from opportunity where status = 'OPEN') || ', stage changes ' || (select count(*) from stage_change) || ', board totals ' || (select sum(deals) from stage_total)\"")
  record "# $engine rows: ${COUNTS[$engine]}"
  tenants=$(psql_on "$engine" "-At -c \"select id from workspace order by id\"")

  local first
  first=$(echo "$tenants" | head -1)
  TOKEN[$engine]=$(curl -sf -u "scale1@bench.test:$PASSWORD" -H 'Content-Type: application/json' \
    -X POST "$one/api/v1/tokens" -d '{"name":"bench"}' | grep -oP '"token"\s*:\s*"\K[^"]+')
  PIPELINE[$engine]=$(psql_on "$engine" "-At -c \"select min(id) from pipeline where tenant_id = $first\"")
  STAGES[$engine]=$(psql_on "$engine" "-At -c \"select string_agg(id::text, ',' order by position) from stage where tenant_id = $first and pipeline_id = ${PIPELINE[$engine]} and kind = 'OPEN'\"")
  TEAM[$engine]=$(psql_on "$engine" "-At -c \"select coalesce(min(id), 0) from team where tenant_id = $first\"")
  psql_on "$engine" "-At -c \"select id from opportunity where tenant_id = $first order by random() limit $((MOVE_CLIENTS * 100))\"" > "$dir/deals.txt"
  local base
  for base in ${BASES[$engine]}; do
    log "$engine ($base): warming up"
    java bench/BoardLoad.java "$base" "${TOKEN[$engine]}" board 4 15 "${PIPELINE[$engine]}" "${STAGES[$engine]}" > /dev/null
    java bench/DashboardLoad.java "$base" "scale1@bench.test" "$PASSWORD" "$FROM" "$TO" "${TEAM[$engine]}" 2 10 > /dev/null
  done
}

# One mode on one engine through one base URL, recorded with a summary line for the medians.
run_mode() {
  local engine=$1 base=$2 mode=$3 round=$4 instances=1 label
  APP_PIDS=${PIDS_ONE[$engine]}; POSTMASTERS_NOW=${POSTMASTERS[$engine]}
  if [ "$base" != "${BASES[$engine]%% *}" ]; then instances=2; APP_PIDS=${PIDS_TWO[$engine]}; fi
  label="round $round, $engine, $instances instance(s)"
  case $mode in
    board) measure "$label: board first page" java bench/BoardLoad.java "$base" "${TOKEN[$engine]}" board "$BOARD_CLIENTS" "$SECONDS_" "${PIPELINE[$engine]}" "${STAGES[$engine]}" ;;
    moves) measure "$label: stage moves" java bench/BoardLoad.java "$base" "${TOKEN[$engine]}" moves "$MOVE_CLIENTS" "$SECONDS_" "${PIPELINE[$engine]}" "${STAGES[$engine]}" "$OUT/$engine/deals.txt" ;;
    dashboard) measure "$label: dashboard (page and /api/v1/metrics)" java bench/DashboardLoad.java "$base" "scale1@bench.test" "$PASSWORD" "$FROM" "$TO" "${TEAM[$engine]}" "$DASHBOARD_CLIENTS" "$SECONDS_" ;;
  esac
  echo "row $engine $instances $mode $round $LAST" >> "$OUT/rows.txt"
}

record "# scale-out run $(date -u +%FT%TZ): $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${SECONDS_} s each, $ROUNDS round(s), clients board $BOARD_CLIENTS, moves $MOVE_CLIENTS, dashboard $DASHBOARD_CLIENTS"
FROM=$(date -d "$(date +%Y-%m-01) -2 months" +%Y-%m-%d); TO=$(date -d "$(date +%Y-%m-01) +1 month -1 day" +%Y-%m-%d)
trap stop_all EXIT
: > "$OUT/rows.txt"
for engine in $ENGINES; do prepare_engine "$engine"; done
if [ "$(echo "$ENGINES" | wc -w)" -gt 1 ]; then
  first_engine=${ENGINES%% *}
  for engine in $ENGINES; do
    [ "${COUNTS[$engine]}" = "${COUNTS[$first_engine]}" ] || { record "# row counts differ: $first_engine ${COUNTS[$first_engine]}; $engine ${COUNTS[$engine]}"; exit 1; }
  done
  record "# row counts match on every engine: ${COUNTS[$first_engine]}"
fi
# Interleaved: each round runs every mode on every engine and instance count in turn, so that the machine's
# changing load falls on all of them alike.
for round in $(seq 1 "$ROUNDS"); do
  for mode in board moves dashboard; do
    for engine in $ENGINES; do
      for base in ${BASES[$engine]}; do run_mode "$engine" "$base" "$mode" "$round"; done
    done
  done
done
record "# medians over $ROUNDS round(s): throughput (requests/s), p50 (ms; the dashboard: the page), CPU per request (ms), load average (1 min)"
sort -k2,2 -k3,3n -k4,4 "$OUT/rows.txt" | awk '
  function med(list,   n, a, i, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { k = $2 " " $3 " " $4; if (!(k in seen)) { order[++n] = k; seen[k] = 1 }
    tp[k] = tp[k] " " $6; p50[k] = p50[k] " " $7; app[k] = app[k] " " $8; db[k] = db[k] " " $9; ld[k] = ld[k] " " $10 }
  END { for (i = 1; i <= n; i++) { k = order[i]; split(k, f, " ")
    printf "%-7s %s inst  %-9s  throughput %7.1f/s  p50 %8.1f ms  app %7.2f ms/req  database %7.2f ms/req  load %5.1f\n",
      f[1], f[2], f[3], med(tp[k]), med(p50[k]), med(app[k]), med(db[k]), med(ld[k]) } }' | tee -a "$RESULTS"
log "results in $RESULTS"
# SCALE_KEEP=1 leaves the instances running (e.g. to try the shard moves of docs/scale-out.md on the cluster).
if [ "${SCALE_KEEP:-0}" = 1 ]; then trap - EXIT; log "instances left running (OPS_DIR=target/scale-out/<engine> ops/two-instances.sh stop)"; else stop_all; trap - EXIT; fi
