#!/usr/bin/env bash
# Benchmark (docs/BENCHMARKS.md): seeds a dataset, measures the raw COPY limit of this machine,
# then the fleet's full migration with 1 and 2 workers, each worker's peak heap and RSS.
# Usage: bench/run.sh [--companies N] [--rows M] [--workers "1 2"] [--shard-rows R]
set -euo pipefail
cd "$(dirname "$0")/.."

COMPANIES=300 ROWS=1000000 WORKERS="1 2" SHARD_ROWS=50000
while [ $# -gt 0 ]; do
  case "$1" in
    --companies) COMPANIES=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --shard-rows) SHARD_ROWS=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 64 ;;
  esac
done

PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
export PGHOST PGUSER
OUT=bench/out; mkdir -p "$OUT"
SRC=bench_src RAW=bench_raw TGT=bench_tgt FLEET=bench
TABLES="companies lists list_recipients list_recipient_fields recipient_tags recipient_opens recipient_clicks recipient_bounces recipient_unsubscribes suppressions"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
recreate_db() { psql -qX -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

[ -f producer/target/producer.jar ] && [ -f worker/target/worker.jar ] || ./mvnw -B -q -DskipTests package

export SOURCE_DB_URL="jdbc:postgresql://$PGHOST:5432/$SRC" SOURCE_DB_USER=$PGUSER
export TARGET_DB_URL="jdbc:postgresql://$PGHOST:5432/$TGT" TARGET_DB_USER=$PGUSER
export FLEET_NAME=$FLEET AMQP_URI=${AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/%2F}

echo "== seed: $COMPANIES companies, $ROWS list_recipients"
recreate_db $SRC
t0=$(now)
java -jar producer/target/producer.jar seed --companies "$COMPANIES" --rows "$ROWS" --seed 42 2> "$OUT/seed.log"
t1=$(now)
SOURCE_ROWS=0
for t in $TABLES; do
  n=$(psql -qAtX -d $SRC -c "SELECT count(*) FROM $t"); SOURCE_ROWS=$((SOURCE_ROWS + n))
done
printf 'seed: %.1f s, %d source rows over ten tables\n' "$(elapsed $t0 $t1)" "$SOURCE_ROWS"

echo "== raw COPY of the ten tables into a scratch database (binary, no indexes)"
recreate_db $RAW
psql -qX -d $RAW -f <(grep -v '^CREATE INDEX' ../shared/spec/legacy-schema.sql 2>/dev/null \
  || grep -v '^CREATE INDEX' producer/src/main/resources/seed/legacy-schema.sql)
t0=$(now)
for t in $TABLES; do
  psql -qX -d $SRC -c "\\copy $t TO STDOUT (FORMAT binary)" | psql -qX -d $RAW -c "\\copy $t FROM STDIN (FORMAT binary)"
done
t1=$(now)
RAW_S=$(elapsed $t0 $t1)
RAW_RATE=$(echo "$SOURCE_ROWS / $RAW_S" | bc -l)
printf 'raw COPY: %.1f s, %.0f rows/s\n' "$RAW_S" "$RAW_RATE"
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $RAW WITH (FORCE)"

# Samples a worker's heap in use (jstat: survivor + eden + old) and its peak RSS (VmHWM) until it exits.
sample_worker() {
  local pid=$1 out=$2 peak_heap=0 line used
  while kill -0 "$pid" 2>/dev/null; do
    line=$(jstat -gc "$pid" 2>/dev/null | tail -1) || true
    if [ -n "$line" ]; then
      used=$(echo "$line" | awk '{printf "%.0f", ($3+$4+$6+$8)/1024}')
      [ "${used:-0}" -gt "$peak_heap" ] && peak_heap=$used
    fi
    hwm=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' /proc/"$pid"/status 2>/dev/null || echo "${hwm:-0}")
    echo "$peak_heap ${hwm:-0}" > "$out"
    sleep 0.5
  done
}

for n in $WORKERS; do
  echo "== fleet migration with $n worker(s)"
  recreate_db $TGT
  java -jar producer/target/producer.jar migrate-schema > /dev/null 2>&1
  rabbitmqctl -q delete_queue "$FLEET.work" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_queue "$FLEET.dead" >/dev/null 2>&1 || true
  pids=()
  for i in $(seq 1 "$n"); do
    WORKER_HTTP_PORT=0 WORKER_ADMIN_PORT=0 WORKER_NAME="bench-$i" \
      java -Xmx256m -XX:+ExitOnOutOfMemoryError -jar worker/target/worker.jar server worker/worker.yml \
      > "$OUT/worker-$n-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 1 "$n"); do
    until grep -q "consuming " "$OUT/worker-$n-$i.log"; do sleep 0.2; done
    sample_worker "${pids[$((i-1))]}" "$OUT/mem-$n-$i" &
  done
  t0=$(now)
  run_id=$(java -jar producer/target/producer.jar enqueue --mode migrate --all --shard-rows "$SHARD_ROWS" 2>/dev/null | tail -1)
  java -jar producer/target/producer.jar status --run-id "$run_id" --wait --timeout 1800 --interval 2 > "$OUT/status-$n.log" 2>&1 \
    || { echo "run $run_id did not succeed:"; tail -3 "$OUT/status-$n.log"; }
  t1=$(now)
  for pid in "${pids[@]}"; do kill -TERM "$pid"; done
  wait "${pids[@]}" 2>/dev/null || true
  sleep 1
  FLEET_S=$(elapsed $t0 $t1)
  READ=$(psql -qAtX -d $TGT -c "SELECT sum(rows_read) FROM migration.tasks WHERE run_id = '$run_id'")
  FLEET_RATE=$(echo "$READ / $FLEET_S" | bc -l)
  printf 'fleet %d worker(s): %.1f s, %d source rows read, %.0f rows/s, fleet/raw = %.2f\n' \
    "$n" "$FLEET_S" "$READ" "$FLEET_RATE" "$(echo "$FLEET_RATE / $RAW_RATE" | bc -l)"
  for i in $(seq 1 "$n"); do
    read -r heap rss < "$OUT/mem-$n-$i"
    oom=$(grep -c OutOfMemoryError "$OUT/worker-$n-$i.log" || true)
    printf '  worker %d: peak heap used %s MiB (-Xmx256m), peak RSS %s MiB, OutOfMemoryError: %s\n' "$i" "$heap" "$rss" "$oom"
  done
done
