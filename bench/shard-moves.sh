#!/usr/bin/env bash
# Tries the shard commands of docs/scale-out.md on the local Citus cluster with a workspace's data, and checks
# that the app still serves that workspace after each (board totals unchanged, a stage move answers 200, another
# workspace sees none of its deals).
#   bench/shard-moves.sh BASE_URL EMAIL PASSWORD
# Every command must succeed (a failed one fails the script). The workers copy shards between them as postgres:
# ops/citus.sh gives every worker the passwords (pg_dist_authinfo) for that.
# BASE_URL is an app instance on the coordinator (e.g. after SCALE_KEEP=1 bench/scale-out.sh citus); EMAIL and
# PASSWORD sign in to the workspace to move. Environment: CITUS_COORDINATOR_PORT (9700),
# CITUS_ADMIN_PASSWORD (citus-admin-secret).
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=$1; EMAIL=$2; PASSWORD=$3
PORT=${CITUS_COORDINATOR_PORT:-9700}
sql() { PGPASSWORD=${CITUS_ADMIN_PASSWORD:-citus-admin-secret} psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d crm "$@"; }
# The app role on the coordinator, inside one workspace as the app enters it.
as_app() { PGPASSWORD=${CRM_APP_PASSWORD:-app-secret} psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U crm_app -d crm \
  -c "BEGIN" -c "SET LOCAL app.tenant_id = '$1'" -c "$2" -c "COMMIT"; }

TOKEN=$(curl -sf -u "$EMAIL:$PASSWORD" -H 'Content-Type: application/json' -X POST "$BASE/api/v1/tokens" \
  -d '{"name":"shard-moves"}' | grep -oP '"token"\s*:\s*"\K[^"]+')
WS=$(sql -c "select workspace_id from login_email where email = lower('$EMAIL')")
OTHER=$(sql -c "select min(id) from workspace where id <> $WS")
PIPELINE=$(sql -c "select min(id) from pipeline where tenant_id = $WS")
board() { curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/board?pipelineId=$PIPELINE&perStage=1" |
  grep -oP '"(count|amount)"\s*:\s*[0-9.]+' | tr -d ' "' | paste -sd' '; }
where() { sql -c "select shardid || ' on ' || nodename || ':' || nodeport from citus_shards where table_name = 'workspace'::regclass and shardid = get_shard_id_for_distribution_column('workspace', $WS)"; }
check() {
  local label=$1 now deal version code
  now=$(board)
  [ "$now" = "$BEFORE" ] && echo "  ok    $label: the board's totals are the same" || { echo "  FAIL  $label: board $now"; FAILS=$((FAILS + 1)); }
  deal=$(sql -c "select id || ' ' || version from opportunity where tenant_id = $WS and status = 'OPEN' order by id limit 1")
  version=${deal#* }; deal=${deal% *}
  local stage; stage=$(sql -c "select id from stage where tenant_id = $WS and pipeline_id = $PIPELINE and kind = 'OPEN' and id <> (select stage_id from opportunity where tenant_id = $WS and id = $deal) order by position limit 1")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -X POST "$BASE/api/v1/opportunities/$deal/move" -d "{\"stageId\":$stage,\"version\":$version}")
  [ "$code" = 200 ] && echo "  ok    $label: a stage move answers 200" || { echo "  FAIL  $label: move answered $code"; FAILS=$((FAILS + 1)); }
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -X POST "$BASE/api/v1/opportunities/$deal/move" -d "{\"stageId\":$stage,\"version\":$version}")
  [ "$code" = 409 ] && echo "  ok    $label: the same stale version answers 409" || { echo "  FAIL  $label: stale move answered $code"; FAILS=$((FAILS + 1)); }
  local seen; seen=$(as_app "$OTHER" "select count(*) from opportunity where tenant_id = $WS")
  [ "$seen" = 0 ] && echo "  ok    $label: workspace $OTHER sees none of its deals" || { echo "  FAIL  $label: workspace $OTHER sees $seen"; FAILS=$((FAILS + 1)); }
  BEFORE=$(board)
}
FAILS=0
# run_shard LABEL SQL: one command of the guide; its failure fails the script.
run_shard() {
  local label=$1 start out
  echo "== $label"
  start=$(date +%s%N)
  if out=$(sql -c "$2" 2>&1); then
    [ -n "$out" ] && echo "$out" | sed 's/^/  /'
    echo "  took $(( ($(date +%s%N) - start) / 1000000 )) ms"
  else
    echo "$out" | sed 's/^/  /'; echo "  FAIL  $label"; FAILS=$((FAILS + 1))
  fi
}
BEFORE=$(board)
echo "workspace $WS: board totals $BEFORE; its shard $(where)"

SHARD=$(sql -c "select get_shard_id_for_distribution_column('workspace', $WS)")
FROM=$(sql -c "select nodename || ' ' || nodeport from citus_shards where shardid = $SHARD")
TO_PORT=$(sql -c "select nodeport from pg_dist_node where noderole = 'primary' and groupid > 0 and nodeport <> ${FROM#* } order by nodeport limit 1")
WAL_LEVEL=$(sql -c 'show wal_level')
# The default transfer mode (auto) copies by logical replication and needs wal_level = logical on the workers;
# with replica (PostgreSQL's default) it is refused, so the guide passes block_writes (writes wait, reads go on).
if [ "$WAL_LEVEL" = logical ]; then MODE=auto; else MODE=block_writes; fi
echo "wal_level = $WAL_LEVEL: shard_transfer_mode => '$MODE'"
run_shard "citus_move_shard_placement($SHARD, ${FROM% *}:${FROM#* } -> 127.0.0.1:$TO_PORT)" \
  "select citus_move_shard_placement($SHARD, '${FROM% *}', ${FROM#* }, '127.0.0.1', $TO_PORT, shard_transfer_mode => '$MODE')"
echo "  now $(where)"
check "after the move"

if [ "$(sql -c "select shardminvalue = shardmaxvalue from pg_dist_shard where shardid = get_shard_id_for_distribution_column('workspace', $WS)")" = t ]; then
  echo "== workspace $WS has a shard of its own already (an earlier run): no isolation"
else
  run_shard "isolate_tenant_to_new_shard('workspace', $WS, 'CASCADE')" \
    "select isolate_tenant_to_new_shard('workspace', $WS, 'CASCADE', shard_transfer_mode => '$MODE')"
fi
NEW=$(sql -c "select get_shard_id_for_distribution_column('workspace', $WS)")
echo "  now $(where); the new shard's hash range: $(sql -c "select shardminvalue || '..' || shardmaxvalue from pg_dist_shard where shardid = $NEW")"
check "after the isolation"
FROM=$(sql -c "select nodename || ' ' || nodeport from citus_shards where shardid = $NEW")
TO_PORT=$(sql -c "select nodeport from pg_dist_node where noderole = 'primary' and groupid > 0 and nodeport <> ${FROM#* } order by nodeport limit 1")
run_shard "citus_move_shard_placement($NEW, ${FROM% *}:${FROM#* } -> 127.0.0.1:$TO_PORT), the isolated shard group" \
  "select citus_move_shard_placement($NEW, '${FROM% *}', ${FROM#* }, '127.0.0.1', $TO_PORT, shard_transfer_mode => '$MODE')"
echo "  now $(where)"
check "after moving the isolated shard"
[ $FAILS = 0 ] && echo "all checks passed" || { echo "$FAILS check(s) failed"; exit 1; }
