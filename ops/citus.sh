#!/usr/bin/env bash
# A local Citus cluster for trying Pipeline CRM distributed: a coordinator and two workers on 127.0.0.1,
# Debian's PostgreSQL 15 with Citus 13.2.2 built from the vendored source. See docs/scale-out.md.
#   ops/citus.sh build    # apt packages when missing, then build and install Citus (skipped when 13.2.2 is in)
#   ops/citus.sh start    # build if needed, create the nodes the first time, start them, roles, database, nodes
#   ops/citus.sh stop     # stop the three servers
#   ops/citus.sh status   # which servers run, and the nodes the coordinator knows
#   ops/citus.sh reset    # drop and create the database crm again on every node (a fresh, empty cluster)
# Environment: CITUS_SOURCE (../shared/vendor/citus), CITUS_DIR (target/citus), CITUS_COORDINATOR_PORT (9700),
# CITUS_WORKER1_PORT (9701), CITUS_WORKER2_PORT (9702), CRM_OWNER_PASSWORD (owner-secret),
# CRM_APP_PASSWORD (app-secret), CITUS_ADMIN_PASSWORD (citus-admin-secret, the postgres role between nodes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CITUS_VERSION=13.2.2
PG_HOME=/usr/lib/postgresql/15
PG_BIN=$PG_HOME/bin
CITUS_SOURCE=${CITUS_SOURCE:-$ROOT/../shared/vendor/citus}
CITUS_DIR=${CITUS_DIR:-$ROOT/target/citus}
COORDINATOR_PORT=${CITUS_COORDINATOR_PORT:-9700}
WORKER_PORTS=("${CITUS_WORKER1_PORT:-9701}" "${CITUS_WORKER2_PORT:-9702}")
OWNER_PASSWORD=${CRM_OWNER_PASSWORD:-owner-secret}
APP_PASSWORD=${CRM_APP_PASSWORD:-app-secret}
ADMIN_PASSWORD=${CITUS_ADMIN_PASSWORD:-citus-admin-secret}
HOST=127.0.0.1
PACKAGES=(postgresql-15 postgresql-server-dev-15 build-essential libcurl4-openssl-dev liblz4-dev libzstd-dev
  libkrb5-dev libssl-dev libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev)

log() { echo "citus: $*"; }
die() { echo "citus: $*" >&2; exit 1; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
# PostgreSQL refuses to run as root: as root the servers run as Debian's postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

citus_installed() {
  [ -f "$PG_HOME/lib/citus.so" ] && grep -aq "Citus $CITUS_VERSION " "$PG_HOME/lib/citus.so"
}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
  install_packages
  if citus_installed; then log "Citus $CITUS_VERSION is installed in $PG_HOME"; return; fi
  local tarball=$CITUS_SOURCE/citus-$CITUS_VERSION.tar.gz patch=$CITUS_SOURCE/pg15.20-have_createdb_privilege.patch
  [ -f "$tarball" ] || die "no $tarball (set CITUS_SOURCE to the folder holding it)"
  local work=$CITUS_DIR/build
  rm -rf "$work"; mkdir -p "$work"
  tar -xzf "$tarball" -C "$work"
  cd "$work/citus-$CITUS_VERSION"
  # Debian's 15.20 exports have_createdb_privilege() itself; the patch drops Citus's copy of it.
  if grep -q 'have_createdb_privilege' "$("$PG_BIN/pg_config" --includedir-server)/commands/dbcommands.h" 2>/dev/null; then
    patch -p1 -s < "$patch"
  fi
  log "building Citus $CITUS_VERSION (about a minute on two cores)"
  PG_CONFIG=$PG_BIN/pg_config ./configure -q > "$work/configure.log" 2>&1 || { tail -30 "$work/configure.log"; die "configure failed"; }
  nice make -s -j2 > "$work/make.log" 2>&1 || { tail -30 "$work/make.log"; die "make failed"; }
  $SUDO make -s install > "$work/install.log" 2>&1 || { tail -30 "$work/install.log"; die "make install failed"; }
  cd "$ROOT"
  citus_installed || die "the installed citus.so is not $CITUS_VERSION"
  log "Citus $CITUS_VERSION installed"
}

# The servers' data must be reachable by the postgres user; a clone under /root is not.
data_root() {
  local d=$CITUS_DIR
  mkdir -p "$d"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$d"; then
    d=/var/tmp/pipeline-crm-citus-$(echo "$CITUS_DIR" | md5sum | cut -c1-8)
    mkdir -p "$d"
    ln -sfn "$d" "$CITUS_DIR/data" 2>/dev/null || true
    echo "$d"; return
  fi
  mkdir -p "$d/data"; echo "$d/data"
}
# The folder holding the nodes (and their logs) belongs to the user the servers run as.
own() { [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$1"; return 0; }

NODES=(coordinator worker1 worker2)
port_of() { case $1 in coordinator) echo "$COORDINATOR_PORT";; worker1) echo "${WORKER_PORTS[0]}";; worker2) echo "${WORKER_PORTS[1]}";; esac; }

running() { as_pg "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

# psql as the postgres superuser over the node's own socket (its data folder).
psql_node() { local dir=$1 port=$2; shift 2; PGOPTIONS="-c client_min_messages=warning" as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres "$@"; }

init_node() {
  local dir=$1 port=$2
  [ -f "$dir/PG_VERSION" ] && return
  log "creating $dir"
  mkdir -p "$dir"; own "$dir"; chmod 700 "$dir"
  local pw; pw=$(mktemp); chmod 644 "$pw"; echo "$ADMIN_PASSWORD" > "$pw"
  as_pg "$PG_BIN/initdb" -D "$dir" -U postgres --pwfile="$pw" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 > "$dir.initdb.log" 2>&1 || { rm -f "$pw"; cat "$dir.initdb.log"; die "initdb failed"; }
  rm -f "$pw"
  as_pg tee -a "$dir/postgresql.conf" > /dev/null <<EOF
# Pipeline CRM's local Citus node
listen_addresses = '$HOST'
port = $port
unix_socket_directories = '$dir'
shared_preload_libraries = 'citus'
password_encryption = 'scram-sha-256'
max_connections = 200
shared_buffers = 128MB
max_worker_processes = 16
logging_collector = off
EOF
}

start_node() {
  local dir=$1 port=$2
  running "$dir" && return
  ss -ltn "sport = :$port" | grep -q LISTEN && die "port $port is taken (set CITUS_*_PORT)"
  as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir.log" -w -t 120 start > /dev/null || { tail -20 "$dir.log"; die "the server on $port did not start"; }
  log "started $(basename "$dir") on $HOST:$port"
}

# Roles, database and extension on one node; every statement checks first, so reruns change nothing.
prepare_node() {
  local dir=$1 port=$2
  psql_node "$dir" "$port" -d postgres <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_owner') THEN CREATE ROLE crm_owner LOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'crm_app') THEN CREATE ROLE crm_app LOGIN; END IF;
END \$\$;
SET citus.enable_alter_role_propagation = off;
ALTER ROLE crm_owner PASSWORD '$OWNER_PASSWORD';
ALTER ROLE crm_app PASSWORD '$APP_PASSWORD';
SELECT 'CREATE DATABASE crm OWNER crm_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'crm') \gexec
EOF
  psql_node "$dir" "$port" -d crm -c "CREATE EXTENSION IF NOT EXISTS citus"
}

# The coordinator reaches the workers over TCP with these passwords (pg_dist_authinfo, node 0 = every node).
register_nodes() {
  local dir=$1
  psql_node "$dir" "$COORDINATOR_PORT" -d crm -o /dev/null <<EOF
INSERT INTO pg_dist_authinfo (nodeid, rolename, authinfo) VALUES
  (0, 'postgres', 'password=$ADMIN_PASSWORD'), (0, 'crm_owner', 'password=$OWNER_PASSWORD'),
  (0, 'crm_app', 'password=$APP_PASSWORD')
ON CONFLICT (nodeid, rolename) DO UPDATE SET authinfo = excluded.authinfo;
SELECT citus_set_coordinator_host('$HOST', $COORDINATOR_PORT)
 WHERE NOT EXISTS (SELECT FROM pg_dist_node WHERE groupid = 0);
SELECT citus_add_node('$HOST', ${WORKER_PORTS[0]})
 WHERE NOT EXISTS (SELECT FROM pg_dist_node WHERE nodename = '$HOST' AND nodeport = ${WORKER_PORTS[0]});
SELECT citus_add_node('$HOST', ${WORKER_PORTS[1]})
 WHERE NOT EXISTS (SELECT FROM pg_dist_node WHERE nodename = '$HOST' AND nodeport = ${WORKER_PORTS[1]});
-- The app's SET LOCAL app.tenant_id reaches the workers of the transaction (row-level security on the shards).
ALTER ROLE crm_app IN DATABASE crm SET citus.propagate_set_commands = 'local';
-- Migrations create triggers on distributed tables; they touch only the same workspace's rows.
ALTER ROLE crm_owner IN DATABASE crm SET citus.enable_unsafe_triggers = on;
EOF
}

# The workers reach each other too (a shard move or split copies from one worker to another): the same passwords
# in every worker's pg_dist_authinfo (the coordinator does not send its rows to the workers).
register_workers() {
  local root=$1 n
  for n in worker1 worker2; do
    psql_node "$root/$n" "$(port_of "$n")" -d crm -o /dev/null <<EOF
INSERT INTO pg_dist_authinfo (nodeid, rolename, authinfo) VALUES
  (0, 'postgres', 'password=$ADMIN_PASSWORD'), (0, 'crm_owner', 'password=$OWNER_PASSWORD'),
  (0, 'crm_app', 'password=$APP_PASSWORD')
ON CONFLICT (nodeid, rolename) DO UPDATE SET authinfo = excluded.authinfo;
EOF
  done
}

start() {
  citus_installed || build
  local root; root=$(data_root); own "$root"
  for n in "${NODES[@]}"; do init_node "$root/$n" "$(port_of "$n")"; done
  for n in "${NODES[@]}"; do start_node "$root/$n" "$(port_of "$n")"; done
  # Workers first: the coordinator's later role changes then find the roles there.
  for n in worker1 worker2 coordinator; do prepare_node "$root/$n" "$(port_of "$n")"; done
  register_nodes "$root/coordinator"
  register_workers "$root"
  log "ready: jdbc:postgresql://$HOST:$COORDINATOR_PORT/crm (crm_owner migrates, crm_app runs the app)"
}

stop() {
  local root; root=$(data_root)
  for n in "${NODES[@]}"; do
    if [ -f "$root/$n/PG_VERSION" ] && running "$root/$n"; then
      as_pg "$PG_BIN/pg_ctl" -D "$root/$n" -m fast -w stop > /dev/null; log "stopped $n"
    fi
  done
}

status() {
  local root; root=$(data_root) up=0
  for n in "${NODES[@]}"; do
    if [ -f "$root/$n/PG_VERSION" ] && running "$root/$n"; then
      log "$n on $HOST:$(port_of "$n") runs"; [ "$n" = coordinator ] && up=1
    else log "$n on $HOST:$(port_of "$n") is down"; fi
  done
  if [ $up = 1 ]; then
    psql_node "$root/coordinator" "$COORDINATOR_PORT" -d crm -c \
      "SELECT citus_version(); SELECT nodeid, groupid, nodename, nodeport, isactive FROM pg_dist_node ORDER BY nodeid"
  fi
}

# A fresh database on every node, for a test run from scratch.
reset() {
  local root; root=$(data_root)
  for n in coordinator worker1 worker2; do
    psql_node "$root/$n" "$(port_of "$n")" -d postgres -c "DROP DATABASE IF EXISTS crm WITH (FORCE)"
  done
  for n in worker1 worker2 coordinator; do prepare_node "$root/$n" "$(port_of "$n")"; done
  register_nodes "$root/coordinator"
  register_workers "$root"
  log "database crm is empty again"
}

case ${1:-} in
  build) build ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  *) echo "usage: $0 build|start|stop|status|reset" >&2; exit 2 ;;
esac
