#!/usr/bin/env bash
# Webhook throughput: events per second delivered to a local receiver. Starts the app on the embedded
# PostgreSQL (its own data folder under target/), signs up a workspace, subscribes a local receiver to
# lead.created, creates EVENTS leads through the API (CLIENTS at a time) and times from the first lead until the
# receiver has every delivery. With HOLD=1 it measures the sender alone: while the leads are being made the receiver
# holds each delivery (up to 8 s, under the sender's 10 s timeout) so the rest wait in the outbox, then lets them
# through and times from then until the last arrives (events sent after the release per second).
#   bench/webhooks.sh
# Environment: EVENTS (2000), CLIENTS (8), BENCH_PORT (8091), RECEIVER_PORT (8092), BENCH_SKIP_BUILD (0), HOLD (0).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${EVENTS:-2000}; CLIENTS=${CLIENTS:-8}
PORT=${BENCH_PORT:-8091}; RECEIVER_PORT=${RECEIVER_PORT:-8092}; BASE=http://localhost:$PORT
LOG=target/bench-webhooks-app.log; COUNT=target/bench-webhooks-received.txt
RELEASE=target/bench-webhooks-release; HOLD=${HOLD:-0}; rm -f "$RELEASE"

[ "${BENCH_SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -o -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true package
JAR=$(ls target/pipeline-crm-*.jar | grep -v original | head -1)
cp "$JAR" target/bench-webhooks.jar
rm -rf target/bench-webhooks-pg
export CRM_DEMO_ENABLED=false CRM_SIGNUP_PER_ADDRESS_PER_HOUR=100000 SERVER_PORT=$PORT \
  CRM_EMBEDDED_DB_DATA_DIR=target/bench-webhooks-pg CRM_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true

# The receiver answers 200 to every POST and writes how many it got.
: > "$COUNT"
python3 - "$RECEIVER_PORT" "$COUNT" "$HOLD" "$RELEASE" <<'PY' &
import os, sys, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
port, out, hold, release = int(sys.argv[1]), sys.argv[2], sys.argv[3] == '1', sys.argv[4]
lock, seen = threading.Lock(), [0]
class Hook(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        until = time.time() + 8
        while hold and not os.path.exists(release) and time.time() < until:
            time.sleep(0.05)
        self.send_response(200); self.send_header('Content-Length', '0'); self.end_headers()
        with lock:
            seen[0] += 1
            open(out, 'w').write(str(seen[0]))
    def log_message(self, *args):
        pass
ThreadingHTTPServer(('127.0.0.1', port), Hook).serve_forever()
PY
RECEIVER=$!
java -jar target/bench-webhooks.jar > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP $RECEIVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf $BASE/actuator/health >/dev/null && break; sleep 1; done

SUFFIX=$(date +%s)
curl -sf -X POST -H 'Content-Type: application/json' $BASE/api/v1/signup \
  -d "{\"workspaceName\":\"Webhook bench\",\"email\":\"admin-$SUFFIX@bench.test\",\"password\":\"bench-pass-123\",\"name\":\"Admin\"}" >/dev/null
AUTH="admin-$SUFFIX@bench.test:bench-pass-123"
curl -sf -u "$AUTH" -X POST -H 'Content-Type: application/json' $BASE/api/v1/webhooks \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"events\":[\"lead.created\"]}" >/dev/null

START=$(date +%s.%N)
seq 1 "$EVENTS" | xargs -P "$CLIENTS" -I{} curl -sf -o /dev/null -u "$AUTH" -X POST \
  -H 'Content-Type: application/json' $BASE/api/v1/leads \
  -d "{\"firstName\":\"Lead\",\"lastName\":\"{}\",\"email\":\"lead-{}@bench.test\",\"company\":\"Bench {}\"}"
CREATED=$(date +%s.%N)
BEFORE_RELEASE=$(cat "$COUNT" 2>/dev/null || echo 0); BEFORE_RELEASE=${BEFORE_RELEASE:-0}
touch "$RELEASE"
for _ in $(seq 1 1200); do
  got=$(cat "$COUNT" 2>/dev/null || true) # empty for a moment while the receiver rewrites it
  [ "${got:-0}" -ge "$EVENTS" ] && break
  sleep 0.25
done
DONE=$(date +%s.%N)
GOT=$(cat "$COUNT")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$START" "$CREATED" "$DONE" "$EVENTS" "$GOT" "$LOAD" "$CLIENTS" "$HOLD" "$BEFORE_RELEASE" <<'PY'
import sys
start, created, done, events, got, load, clients, hold, before = sys.argv[1:]
start, created, done = float(start), float(created), float(done)
line = (f"mode=webhooks clients={clients} events={events} delivered={got} "
        f"created_in={created - start:.1f}s delivered_in={done - start:.1f}s "
        f"throughput={int(got) / (done - start):.0f}/s load={load}")
if hold == '1':
    after = int(got) - int(before)
    line += (f" held_until_created={before} sent_after_release={after} in {done - created:.1f}s "
             f"sender_throughput={after / max(done - created, 0.001):.0f}/s")
print(line)
PY
