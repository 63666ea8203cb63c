#!/usr/bin/env bash
# The switch's line of docs/BENCHMARKS.md: on a seeded dataset, the application (producer traffic)
# writes to every company while the K largest are cut over; per company its size, catch-up passes,
# final delta and freeze window (freeze hook's start to switch hook's start), written as data to
# bench/results/<stamp>-cutover.tsv; bench/Render.java prints them with p50 and max.
# Repeat with other --rate values to see how the window grows with the write rate.
#
# Usage: bench/cutover.sh [--companies N] [--rows M] [--largest K] [--rate WRITES_PER_SECOND] [--workers W]
# Environment: BENCH_PREFIX (bench), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), AMQP_URI,
#   BENCH_RESULTS (the folder of the results file, bench/results).
set -euo pipefail
cd "$(dirname "$0")/.."

args="$*"
COMPANIES=300 ROWS=1000000 LARGEST=8 RATE=50 WORKERS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --companies) COMPANIES=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --largest) LARGEST=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 64 ;;
  esac
done

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
prefix=${BENCH_PREFIX:-bench}_cutover
src=${prefix}_src tgt=${prefix}_tgt
export SOURCE_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$src SOURCE_DB_USER=$PGUSER
export TARGET_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$tgt TARGET_DB_USER=$PGUSER
export FLEET_NAME=$prefix READINESS_MAX_REJECT_PERCENT=${READINESS_MAX_REJECT_PERCENT:-60}
export APP_DB_URL=postgresql://$PGUSER@$PGHOST:$PGPORT/$src
export CUTOVER_FREEZE_HOOK=scripts/hooks/freeze.sh CUTOVER_UNFREEZE_HOOK=scripts/hooks/unfreeze.sh
export CUTOVER_SWITCH_HOOK=scripts/hooks/switch.sh CUTOVER_ROLLBACK_HOOK=scripts/hooks/rollback.sh
stamp=$(date +%Y-%m-%dT%H%M%S)
out=bench/out/$stamp-cutover results=${BENCH_RESULTS:-bench/results}
mkdir -p "$out"
[ -f producer/target/producer.jar ] && [ -f worker/target/worker.jar ] || ./mvnw -B -q -DskipTests package
# The jars are copied: a rebuild during the run must not pull classes from under the workers.
cp producer/target/producer.jar worker/target/worker.jar "$out/"
producer() { java -jar "$out/producer.jar" "$@"; }
psql_() { psql -qAtX -d "$1" -c "$2"; }

pids=()
cleanup() {
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  for db in "$src" "$tgt"; do psql_ postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; done
}
trap cleanup EXIT
for db in "$src" "$tgt"; do psql_ postgres "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null; psql_ postgres "CREATE DATABASE $db"; done
producer seed --companies "$COMPANIES" --rows "$ROWS" 2>/dev/null | tail -1
producer migrate-schema >/dev/null 2>&1
for i in $(seq 1 "$WORKERS"); do
  WORKER_HTTP_PORT=0 WORKER_ADMIN_PORT=0 WORKER_NAME="bench-cutover-$i" java -XX:+ExitOnOutOfMemoryError \
    -XX:+UseParallelGC -Xmx256m -jar "$out/worker.jar" server worker/worker.yml > "$out/worker-$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 "$WORKERS"); do until grep -q "consuming " "$out/worker-$i.log"; do sleep 0.3; done; done
dry=$(producer enqueue --mode dry-run --all 2>/dev/null | tail -1)
producer status --run-id "$dry" --wait --timeout 1800 >/dev/null 2>&1 || true
largest=$(psql_ "$src" "SELECT string_agg(company_id::text, ',') FROM (SELECT company_id FROM list_recipients
  GROUP BY 1 ORDER BY count(*) DESC LIMIT $LARGEST) x")
(exec java -jar "$out/producer.jar" traffic --all --writes-per-second "$RATE" --duration 3600 --threads 3 \
  --hold-millis 200 > "$out/traffic.txt" 2>&1) &
pids+=($!)
start=$(date -u -d '+2 seconds' +%Y-%m-%dT%H:%M:%SZ)
producer schedule --companies "$largest" --window "$start/$(date -u -d '+4 hours' +%Y-%m-%dT%H:%M:%SZ)" \
  --notice-days 0 > "$out/notifications.csv" 2>/dev/null
sleep 3
began=$(date +%s)
run=$(producer cutover --companies "$largest" 2> "$out/cutover.log" | tail -1) || true
took=$(( $(date +%s) - began ))
echo "cutover of $LARGEST companies under $RATE writes/s: $took s; log $out/cutover.log"
# The data, one row per company: its size from the source, its cutover from the target's ledger.
psql_ "$tgt" "SELECT company_id, state, passes, rows_recopied, coalesce(final_delta_rows, 0),
  coalesce(freeze_window_ms, 0) FROM migration.cutovers WHERE run_id = '$run' ORDER BY company_id" \
  | tr '|' '\t' | sort -t $'\t' -k1,1 > "$out/companies.tsv"
psql_ "$src" "SELECT company_id, count(*) FROM list_recipients WHERE company_id IN ($largest) GROUP BY 1 ORDER BY 1" \
  | tr '|' '\t' | sort -t $'\t' -k1,1 > "$out/sizes.tsv"
changes=no
git diff --quiet HEAD -- . || changes=yes
mkdir -p "$results"
{
  printf '# %s\n' kind=cutover "command=bench/cutover.sh${args:+ $args}" "date=$(date '+%F %H:%M %Z')" \
    "commit=$(git rev-parse --short HEAD)" "local_changes=$changes" "cores=$(nproc)" \
    "memory_gib=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" "companies=$COMPANIES" \
    "rows=$ROWS" "largest=$LARGEST" "rate=$RATE" "workers=$WORKERS" "duration_s=$took"
  printf 'company\tlist_recipients\tstate\tpasses\trows_recopied\tfinal_delta_rows\tfreeze_window_ms\n'
  join -t $'\t' "$out/sizes.tsv" "$out/companies.tsv"
} > "$results/$stamp-cutover.tsv"
cp "$results/$stamp-cutover.tsv" "$out/cutover.tsv"
# The table and the summary the note and BENCHMARKS.md quote; fails when no company switched.
java bench/Render.java "$results/$stamp-cutover.tsv"
