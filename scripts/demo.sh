#!/usr/bin/env bash
# The main job end to end on local services, as an operator runs it: seed a dirty legacy dataset,
# create the target schema, start workers, then the customers' test run (a dry run of every
# company and its readiness report), migrate the companies that passed, verify them
# independently, then switch them over while the application (the traffic generator) keeps
# writing, and list every company's state.
# Usage: scripts/demo.sh [--companies N] [--rows M] [--workers K]
# The seeded data is dirty on purpose (a tenth of its rows or more break a rule), so the demo's
# readiness threshold is READINESS_MAX_REJECT_PERCENT=20 unless set; the product's default is 0.5.
# On a fresh machine it first gets a JDK 17+ (.ci/ensure-jdk) and PostgreSQL and RabbitMQ
# (.ci/start-services: Docker Compose when Docker runs, else apt-get on Debian/Ubuntu), saying so.
set -euo pipefail
cd "$(dirname "$0")/.."

COMPANIES=50 ROWS=100000 WORKERS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --companies) COMPANIES=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    *) echo "unknown argument $1 (expected --companies N, --rows M, --workers K)" >&2; exit 64 ;;
  esac
done

export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export SOURCE_DB_URL=${SOURCE_DB_URL:-jdbc:postgresql://$PGHOST:5432/legacy} SOURCE_DB_USER=${SOURCE_DB_USER:-$PGUSER}
export TARGET_DB_URL=${TARGET_DB_URL:-jdbc:postgresql://$PGHOST:5432/recipients} TARGET_DB_USER=${TARGET_DB_USER:-$PGUSER}
export FLEET_NAME=${FLEET_NAME:-migration}
producer() { java -jar producer/target/producer.jar "$@"; }
# psql on this machine, or the one inside the Compose service when PostgreSQL runs in Docker.
sql() {
  if command -v psql >/dev/null; then
    psql -qAtX -d postgres -c "$1"
  else
    docker compose exec -T postgres psql -qAtX -U postgres -d postgres -c "$1"
  fi
}

JAVA_HOME=$(bash .ci/ensure-jdk)
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
bash .ci/start-services
if [ ! -f producer/target/producer.jar ] || [ ! -f worker/target/worker.jar ]; then
  echo "== build (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi

for db in legacy recipients; do
  sql "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || sql "CREATE DATABASE $db"
done

echo "== seed $COMPANIES companies, $ROWS list_recipients (replacing any earlier demo data)"
producer seed --companies "$COMPANIES" --rows "$ROWS" --force
echo "== migrate-schema"
producer migrate-schema

mkdir -p target/demo
pids=()
trap 'kill -TERM "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for i in $(seq 1 "$WORKERS"); do
  WORKER_HTTP_PORT=0 WORKER_ADMIN_PORT=0 WORKER_NAME="demo-$i" \
    java -XX:+ExitOnOutOfMemoryError -XX:+UseParallelGC -Xmx256m -jar worker/target/worker.jar server worker/worker.yml > "target/demo/worker-$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 "$WORKERS"); do
  until grep -q "consuming " "target/demo/worker-$i.log"; do
    kill -0 "${pids[$((i-1))]}" 2>/dev/null || { cat "target/demo/worker-$i.log"; exit 1; }
    sleep 0.3
  done
done
echo "== $WORKERS worker(s) consuming (logs in target/demo/)"

export READINESS_MAX_REJECT_PERCENT=${READINESS_MAX_REJECT_PERCENT:-20}
# Waits for a run; its exit code says whether every task succeeded (CLI.md), which the demo
# reports rather than stops on.
await_run() {
  local code=0
  producer status --run-id "$1" --wait --timeout 1800 || code=$?
  [ "$code" -eq 2 ] && { echo "run $1 did not end within 30 minutes" >&2; exit 2; }
  return "$code"
}

echo "== 1/4 the test run: a dry run of every company (the whole path, nothing kept)"
dry_run=$(producer enqueue --mode dry-run --all | tail -1)
await_run "$dry_run" || true
producer report --run-id "$dry_run" | head -40
producer report --run-id "$dry_run" --passing > target/demo/cohort.txt
passing=$(wc -l < target/demo/cohort.txt)
echo "== $passing of $COMPANIES companies are ready (at most $READINESS_MAX_REJECT_PERCENT % of their rows rejected): target/demo/cohort.txt"
[ "$passing" -gt 0 ] || { echo "no company passed its readiness check; nothing to migrate" >&2; exit 1; }

echo "== 2/4 migrate the ready companies (refused without their passing dry run)"
migrate_run=$(producer enqueue --mode migrate --cohort target/demo/cohort.txt | tail -1)
status=0
await_run "$migrate_run" || status=$?
producer report --run-id "$migrate_run" | head -40

echo "== 3/4 verify them: the target reconciled against the source, independently of the migration"
verify_run=$(producer enqueue --mode verify --cohort target/demo/cohort.txt | tail -1)
await_run "$verify_run" || status=$?
producer report --run-id "$verify_run" | head -20

echo "== 4/4 the switch: the application writes to every company while the ready ones are cut over"
# The application's side: its flag table and id sequence start afresh with the freshly seeded tables.
psql -qAtX -d legacy -c "DROP TABLE IF EXISTS app_cutover_flags; DROP SEQUENCE IF EXISTS app_ids" 2>/dev/null || true
# exec: the background job is the JVM itself, so the trap's TERM reaches it (not only a subshell).
(exec java -jar producer/target/producer.jar traffic --all --writes-per-second 50 --duration 600 --hold-millis 200 \
  > target/demo/traffic.txt 2>&1) &
traffic=$!
pids+=("$traffic")
# Production gives the customers NOTICE_DAYS (14) of notice; the demo opens a window now.
window_start=$(date -u -d '+2 seconds' +%Y-%m-%dT%H:%M:%SZ)
window_end=$(date -u -d '+4 hours' +%Y-%m-%dT%H:%M:%SZ)
producer schedule --cohort target/demo/cohort.txt --window "$window_start/$window_end" --notice-days 0 \
  > target/demo/notifications.csv
sleep 3
export APP_DB_URL=${APP_DB_URL:-postgresql://$PGUSER@$PGHOST:5432/legacy}
export CUTOVER_FREEZE_HOOK=${CUTOVER_FREEZE_HOOK:-scripts/hooks/freeze.sh}
export CUTOVER_UNFREEZE_HOOK=${CUTOVER_UNFREEZE_HOOK:-scripts/hooks/unfreeze.sh}
export CUTOVER_SWITCH_HOOK=${CUTOVER_SWITCH_HOOK:-scripts/hooks/switch.sh}
export CUTOVER_ROLLBACK_HOOK=${CUTOVER_ROLLBACK_HOOK:-scripts/hooks/rollback.sh}
# Exit 1 names the companies not switched (e.g. the newest writes crossed their readiness threshold):
# the demo shows them rather than stopping on them.
cutover_run=$(producer cutover --cohort target/demo/cohort.txt 2> target/demo/cutover.log | tail -1) || true
grep -E "^(not switched|cutover run)" target/demo/cutover.log || true
producer report --run-id "$cutover_run" | head -40
kill -TERM "$traffic" 2>/dev/null && wait "$traffic" 2>/dev/null || true
tail -1 target/demo/traffic.txt

echo "== every company's state"
producer companies | head -30
echo "== full reports: java -jar producer/target/producer.jar report --run-id ID --format csv (runs $dry_run, $migrate_run, $verify_run, $cutover_run)"
exit $status
