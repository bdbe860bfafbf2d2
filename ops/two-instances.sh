#!/usr/bin/env bash
# Two app instances on one database behind Debian's nginx on 127.0.0.1:8080 (round-robin, no stickiness).
#   ops/two-instances.sh start   # build the jar once, start instance 1 (migrates), then instance 2, then nginx
#   ops/two-instances.sh check   # drive the API through nginx: both instances answer, and see each other's writes
#   ops/two-instances.sh stop    # stop nginx, both instances and the local database if this script started it
# The database: SPRING_DATASOURCE_URL (+ _USERNAME, _PASSWORD, SPRING_FLYWAY_USER, _PASSWORD) when set; otherwise a
# Debian PostgreSQL 15 server of this script's own, on the first free port from 5440, with the two roles and a demo.
# Environment: OPS_DIR (target/two-instances), OPS_SKIP_BUILD=1 (reuse the jar), NGINX_PORT (8080),
# INSTANCE_PORTS ("8081 8082"), OPS_START_TIMEOUT (300), CRM_OWNER_PASSWORD (owner-secret), CRM_APP_PASSWORD (app-secret).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DIR=${OPS_DIR:-$ROOT/target/two-instances}
NGINX_PORT=${NGINX_PORT:-8080}
START_TIMEOUT=${OPS_START_TIMEOUT:-300}  # seconds an instance may take to answer (a loaded machine is slow)
read -r -a PORTS <<< "${INSTANCE_PORTS:-8081 8082}"
OWNER_PASSWORD=${CRM_OWNER_PASSWORD:-owner-secret}
APP_PASSWORD=${CRM_APP_PASSWORD:-app-secret}
PG_BIN=/usr/lib/postgresql/15/bin
BASE=http://127.0.0.1:$NGINX_PORT

log() { echo "two-instances: $*"; }
die() { echo "two-instances: $*" >&2; exit 1; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_free() { ! ss -ltn "sport = :$1" | grep -q LISTEN; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# A database of the script's own, kept between runs; as root the server runs as the postgres user.
local_db() {
  local data=$DIR/pg
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$DIR"; then
    data=/var/tmp/pipeline-crm-two-instances-$(echo "$DIR" | md5sum | cut -c1-8)
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"; chmod 700 "$data"
    as_pg "$PG_BIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
      --auth-host=scram-sha-256 > "$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log"; die "initdb failed"; }
  fi
  echo "$data" > "$DIR/pg.dir"
  if ! as_pg "$PG_BIN/pg_ctl" -D "$data" status > /dev/null 2>&1; then
    local port=5440; while ! port_free $port; do port=$((port + 1)); done
    as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-p $port -k $data -c listen_addresses=127.0.0.1" start > /dev/null \
      || { tail -20 "$data/server.log"; die "the database did not start"; }
    echo $port > "$DIR/pg.port"
    log "PostgreSQL 15 on 127.0.0.1:$port ($data)"
  fi
  local port; port=$(cat "$DIR/pg.port")
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$port" -U postgres -d postgres <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_owner') THEN CREATE ROLE crm_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_app') THEN CREATE ROLE crm_app LOGIN; END IF;
END \$\$;
ALTER ROLE crm_owner PASSWORD '$OWNER_PASSWORD';
ALTER ROLE crm_app PASSWORD '$APP_PASSWORD';
SELECT 'CREATE DATABASE crm OWNER crm_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm') \gexec
EOF
  export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$port/crm SPRING_DATASOURCE_USERNAME=crm_app \
    SPRING_DATASOURCE_PASSWORD=$APP_PASSWORD SPRING_FLYWAY_USER=crm_owner SPRING_FLYWAY_PASSWORD=$OWNER_PASSWORD
  export CRM_DEMO_ENABLED=${CRM_DEMO_ENABLED:-true}
}

start_instance() {
  local n=$1 port=$2
  alive "$DIR/app$n.pid" && { log "instance $n already runs"; return; }
  port_free "$port" || die "port $port is taken (set INSTANCE_PORTS)"
  # Behind nginx: the client's address (rate limits) comes from X-Forwarded-For.
  SERVER_PORT=$port SERVER_FORWARD_HEADERS_STRATEGY=native \
    nohup java -Xmx512m -jar "$DIR/app.jar" > "$DIR/app$n.log" 2>&1 &
  echo $! > "$DIR/app$n.pid"
  for _ in $(seq 1 "$START_TIMEOUT"); do
    curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && { log "instance $n on 127.0.0.1:$port"; return; }
    alive "$DIR/app$n.pid" || { tail -40 "$DIR/app$n.log"; die "instance $n stopped, see $DIR/app$n.log"; }
    sleep 1
  done
  die "instance $n did not answer within $START_TIMEOUT s (OPS_START_TIMEOUT), see $DIR/app$n.log"
}

start_nginx() {
  alive "$DIR/nginx.pid" && { log "nginx already runs"; return; }
  port_free "$NGINX_PORT" || die "port $NGINX_PORT is taken (set NGINX_PORT)"
  mkdir -p "$DIR/nginx"
  # Round-robin is nginx's default; no ip_hash, no sticky cookie. X-Crm-Upstream says which instance answered.
  cat > "$DIR/nginx.conf" <<EOF
user $(id -un);
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log $DIR/nginx-access.log;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  client_max_body_size 50m;
  upstream crm {
    server 127.0.0.1:${PORTS[0]};
    server 127.0.0.1:${PORTS[1]};
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://crm;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 300s;
      add_header X-Crm-Upstream \$upstream_addr always;
    }
  }
}
EOF
  nginx -t -q -p "$DIR" -c "$DIR/nginx.conf"
  nginx -p "$DIR" -c "$DIR/nginx.conf"
  log "nginx on $BASE -> 127.0.0.1:${PORTS[0]}, 127.0.0.1:${PORTS[1]}"
}

start() {
  mkdir -p "$DIR"
  if [ "${OPS_SKIP_BUILD:-0}" != 1 ] || [ ! -f "$DIR/app.jar" ]; then
    log "building the jar"
    ./mvnw -B -q -DskipTests package
    # A copy, so that a later build does not change the jar under running instances.
    cp "$(ls target/pipeline-crm-*.jar | grep -v plain | head -1)" "$DIR/app.jar"
  fi
  [ -n "${SPRING_DATASOURCE_URL:-}" ] || local_db
  log "database $SPRING_DATASOURCE_URL"
  # One after the other: the first migrates (and creates the demo workspace on a new database).
  start_instance 1 "${PORTS[0]}"
  start_instance 2 "${PORTS[1]}"
  start_nginx
}

stop() {
  if alive "$DIR/nginx.pid"; then nginx -p "$DIR" -c "$DIR/nginx.conf" -s quit 2>/dev/null; log "stopped nginx"; fi
  for n in 1 2; do
    if alive "$DIR/app$n.pid"; then
      local pid; pid=$(cat "$DIR/app$n.pid"); kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      log "stopped instance $n"
    fi
    rm -f "$DIR/app$n.pid"
  done
  if [ -f "$DIR/pg.dir" ] && as_pg "$PG_BIN/pg_ctl" -D "$(cat "$DIR/pg.dir")" status > /dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$(cat "$DIR/pg.dir")" -m fast -w stop > /dev/null; log "stopped the database"
  fi
}

# Through nginx: every instance answers, a write on one is read on the other, a stale edit is refused whichever
# instance holds the newer version, and a page session made on one instance holds on the other.
check() {
  local email="two-$(date +%s)-$$@instances.test" pass=two-instances-pass fails=0 out
  local hdr; hdr=$(mktemp); trap 'rm -f "$hdr"' RETURN
  api() { curl -s -D "$hdr" -o "$DIR/check.body" -w '%{http_code}' -u "$email:$pass" -H 'Content-Type: application/json' "$@"; }
  upstream() { grep -i '^X-Crm-Upstream:' "$hdr" | tr -d '\r' | awk '{print $2}'; }
  expect() { if [ "$1" = "$2" ]; then echo "  ok    $3"; else echo "  FAIL  $3 (got $2, expected $1; last answer: $(head -c 200 "$DIR/check.body"))"; fails=$((fails + 1)); fi; }

  out=$(curl -s -D "$hdr" -o "$DIR/check.body" -w '%{http_code}' -H 'Content-Type: application/json' -X POST "$BASE/api/v1/signup" \
    -d "{\"workspaceName\":\"Two instances\",\"email\":\"$email\",\"password\":\"$pass\",\"name\":\"Two Instances\"}")
  expect 201 "$out" "sign-up through nginx (by $(upstream))"

  declare -A seen=()
  for i in $(seq 1 10); do
    out=$(api "$BASE/api/v1/me"); [ "$out" = 200 ] && seen[$(upstream)]=1
  done
  expect 2 "${#seen[@]}" "ten GET /me with HTTP Basic answered by ${#seen[@]} instances: ${!seen[*]}"

  out=$(api -X POST "$BASE/api/v1/accounts" -d '{"name":"Across Instances Ltd","industry":"Retail"}')
  expect 201 "$out" "account created (by $(upstream))"
  local id writer; id=$(grep -oP '"id"\s*:\s*\K[0-9]+' "$DIR/check.body" | head -1); writer=$(upstream)
  local read_elsewhere=0
  for i in 1 2 3 4; do
    out=$(api "$BASE/api/v1/accounts/$id")
    [ "$out" = 200 ] && [ "$(upstream)" != "$writer" ] && read_elsewhere=1
  done
  expect 1 "$read_elsewhere" "the account read back by the other instance"

  out=$(api -X PUT "$BASE/api/v1/accounts/$id" -d '{"name":"Across Instances Group","industry":"Retail","version":0}')
  expect 200 "$out" "account renamed with version 0 (by $(upstream))"
  out=$(api -X PUT "$BASE/api/v1/accounts/$id" -d '{"name":"Stale Rename","industry":"Retail","version":0}')
  expect 409 "$out" "the same stale version refused (by $(upstream))"
  out=$(api -X PUT "$BASE/api/v1/accounts/$id" -d '{"name":"Stale Rename","industry":"Retail","version":0}')
  expect 409 "$out" "and refused again (by $(upstream))"

  # A page session made on one instance is the same session on the other (sessions live in PostgreSQL).
  local jar; jar=$(mktemp); local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -oP 'name="_csrf"[^>]*value="\K[^"]+' | head -1)
  out=$(curl -s -D "$hdr" -o "$DIR/check.body" -w '%{http_code}' -c "$jar" -b "$jar" -X POST "$BASE/login" \
    --data-urlencode "username=$email" --data-urlencode "password=$pass" --data-urlencode "_csrf=$csrf")
  expect 302 "$out" "signed in on a page (by $(upstream))"
  declare -A paged=()
  local signed_in=1
  for i in $(seq 1 8); do
    out=$(curl -s -D "$hdr" -o "$DIR/check.body" -w '%{http_code}' -c "$jar" -b "$jar" "$BASE/accounts")
    if [ "$out" = 200 ]; then paged[$(upstream)]=1; else signed_in=0; fi
  done
  rm -f "$jar"
  expect 1 "$signed_in" "eight page requests with that session stay signed in"
  expect 2 "${#paged[@]}" "the session served by ${#paged[@]} instances: ${!paged[*]}"

  [ $fails -eq 0 ] || die "$fails check(s) failed"
  log "all checks passed"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  check) check ;;
  *) echo "usage: $0 start|check|stop" >&2; exit 2 ;;
esac
