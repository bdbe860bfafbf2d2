#!/usr/bin/env bash
# Runs the board and move benchmarks with pgbench as the app role (row-level security applies) and prints
# p50/p95/p99 latencies from pgbench's per-transaction log. Usage: bench/run.sh [workspaces] [per-workspace]
set -euo pipefail
cd "$(dirname "$0")"
WORKSPACES=${1:-10}
PER_WORKSPACE=${2:-100000}
DB=${BENCH_DB:-bench_pipeline}
APP=${BENCH_APP:-bench_pipeline_app}
export PGPASSWORD=${BENCH_PASSWORD:-bench-pass}
PORT=${PGPORT:-5432}
BOARD_SECONDS=${BOARD_SECONDS:-30}
MOVE_SECONDS=${MOVE_SECONDS:-60}
LOGS=$(mktemp -d)

percentiles() { # latency (µs) is the third field of pgbench's log
  awk '{print $3}' "$1"/* | sort -n | awk '{a[NR]=$1} END {
    printf "transactions %d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
      NR, a[int(NR*0.50)]/1000, a[int(NR*0.95)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000 }'
}

run() { # name clients seconds script
  mkdir -p "$LOGS/$1"
  (cd "$LOGS/$1" && pgbench -h 127.0.0.1 -p "$PORT" -U "$APP" -n -c "$2" -j 2 -T "$3" \
    -D workspaces="$WORKSPACES" -D per_workspace="$PER_WORKSPACE" --log -f "$OLDPWD/$4" "$DB") \
    | grep -E "number of failed|tps|latency average"
  echo -n "$1: "; percentiles "$LOGS/$1"
}

echo "== board first page (7 columns + totals), 4 clients, ${BOARD_SECONDS}s"
run board 4 "$BOARD_SECONDS" board.sql
echo "== stage moves, 32 clients, ${MOVE_SECONDS}s"
run move 32 "$MOVE_SECONDS" move.sql
rm -rf "$LOGS"
