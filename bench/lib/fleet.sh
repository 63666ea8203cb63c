# shellcheck shell=bash
# One measured fleet migration for bench/run.sh: fresh target, N workers, enqueue, wait, account.
# Needs: OUT (logs), FLEET_NAME, SHARD_ROWS, STATUS_TIMEOUT, and lib/proc.sh, lib/db.sh, lib/results.sh.

WORKER_PIDS=()
XMX=256m

producer() { java -jar producer/target/producer.jar "$@"; }

# with_dbs SOURCE_DB TARGET_DB COMMAND...: runs a producer or worker against those databases.
with_dbs() {
  local src=$1 tgt=$2
  shift 2
  SOURCE_DB_URL=$(jdbc_url "$src") SOURCE_DB_USER=$PGUSER \
    TARGET_DB_URL=$(jdbc_url "$tgt") TARGET_DB_USER=$PGUSER "$@"
}

reset_queues() {
  local q
  for q in "$FLEET_NAME.work" "$FLEET_NAME.dead"; do
    rabbitmqctl -q delete_queue "$q" > /dev/null 2>&1 || true
  done
}

# start_workers TAG SOURCE TARGET N: starts N workers (-Xmx256m, exit on OOM, GC log) and waits
# until each one consumes.
start_workers() {
  local tag=$1 src=$2 tgt=$3 n=$4 i
  WORKER_PIDS=()
  for i in $(seq 1 "$n"); do
    # exec: the pid we keep is the JVM's own, whose /proc counters we read.
    (
      export WORKER_HTTP_PORT=0 WORKER_ADMIN_PORT=0 WORKER_NAME="$FLEET_NAME-$i"
      export SOURCE_DB_URL TARGET_DB_URL SOURCE_DB_USER=$PGUSER TARGET_DB_USER=$PGUSER
      SOURCE_DB_URL=$(jdbc_url "$src") TARGET_DB_URL=$(jdbc_url "$tgt")
      exec java "-Xmx$XMX" -XX:+ExitOnOutOfMemoryError -XX:+UseParallelGC "-Xlog:gc:file=$OUT/gc-$tag-$i.log" \
        -jar worker/target/worker.jar server worker/worker.yml > "$OUT/worker-$tag-$i.log" 2>&1
    ) &
    WORKER_PIDS+=($!)
  done
  for i in $(seq 1 "$n"); do
    until grep -q "consuming " "$OUT/worker-$tag-$i.log"; do
      kill -0 "${WORKER_PIDS[$((i - 1))]}" 2> /dev/null \
        || { tail -20 "$OUT/worker-$tag-$i.log" >&2; die "worker $i did not start (log: $OUT/worker-$tag-$i.log)"; }
      sleep 0.2
    done
  done
}

stop_workers() {
  local pid
  for pid in "${WORKER_PIDS[@]}"; do kill -TERM "$pid" 2> /dev/null || true; done
  for pid in "${WORKER_PIDS[@]}"; do wait "$pid" 2> /dev/null || true; done
  WORKER_PIDS=()
}

# enqueue's readiness check (a passing dry run first) is skipped when the producer has one: the
# benchmark measures the migration itself.
enqueue_flags() {
  local flags=(--mode migrate --all) help
  [ -z "$SHARD_ROWS" ] || flags+=(--shard-rows "$SHARD_ROWS")
  help=$(producer enqueue --help 2>&1 || true)
  [[ $help != *--skip-readiness-check* ]] || flags+=(--skip-readiness-check)
  echo "${flags[@]}"
}

# run_fleet KEY LABEL SOURCE_DB N SOURCE_ROWS: one measured migration into a fresh $TGT_DB.
run_fleet() {
  local key=$1 label=$2 src=$3 n=$4 source_rows=$5
  local flags i run_id status=0 t0 t1 cpu0 cpu1 threads0 threads backends0 databases clients0 clients window wall rows_read rss peaks heap=0 live=0 maxrss=0 oom=no note=""
  echo "== $label: fleet migration with $n worker(s) from $src (-Xmx$XMX)"
  recreate_db "$TGT_DB"
  with_dbs "$src" "$TGT_DB" producer migrate-schema > "$OUT/migrate-schema-$key.log" 2>&1
  reset_queues
  flags=$(enqueue_flags)
  start_workers "$key" "$src" "$TGT_DB" "$n"

  # The window opens once every worker consumes, so JVM start-up is not counted.
  threads0=$(thread_ticks "${WORKER_PIDS[@]}"); backends0=$(pg_backend_ticks "$src" "$TGT_DB")
  cpu0=$(cpu_snapshot "${WORKER_PIDS[@]}"); mark_children_cpu; clients0=$CHILDREN_CPU; t0=$(now)
  # shellcheck disable=SC2086 # the flags are words
  run_id=$(with_dbs "$src" "$TGT_DB" producer enqueue $flags 2> "$OUT/enqueue-$key.log" | tail -1)
  with_dbs "$src" "$TGT_DB" producer status --run-id "$run_id" --wait --timeout "$STATUS_TIMEOUT" --interval 1 \
    > "$OUT/status-$key.log" 2>&1 || status=$?
  t1=$(now); mark_children_cpu; cpu1=$(cpu_snapshot "${WORKER_PIDS[@]}")
  threads=$(ticks_window "$threads0" "$(thread_ticks "${WORKER_PIDS[@]}")" shard jit gc other)
  databases=$(ticks_window "$backends0" "$(pg_backend_ticks "$src" "$TGT_DB")" "$src" "$TGT_DB")
  clients=$(awk -v a="$clients0" -v b="$CHILDREN_CPU" 'BEGIN { printf "%.2f", b - a }')

  for i in "${!WORKER_PIDS[@]}"; do
    rss=$(peak_rss_mib "${WORKER_PIDS[$i]}")
    [ -z "$rss" ] || [ "$rss" -le "$maxrss" ] || maxrss=$rss
  done
  stop_workers

  window=$(cpu_window "$cpu0" "$cpu1")
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  rows_read=$(sql "$TGT_DB" -c "SELECT coalesce(sum(rows_read), 0) FROM migration.tasks WHERE run_id = '$run_id'")
  for i in $(seq 1 "$n"); do
    read -r peaks < <(gc_heap_peaks "$OUT/gc-$key-$i.log")
    heap=$(max "$heap" "${peaks% *}"); live=$(max "$live" "${peaks#* }")
    if grep -q OutOfMemoryError "$OUT/worker-$key-$i.log"; then oom=yes; fi
    echo "   worker $i: heap peak ${peaks% *} MiB, after GC ${peaks#* } MiB (GC log $OUT/gc-$key-$i.log)"
  done
  [ "$status" -eq 0 ] || note="run did not succeed: status exit $status ($(tail -1 "$OUT/status-$key.log"))"
  printf '   %s s, %s source rows (fleet read %s), CPU-s machine/postgres/rabbitmq/workers: %s, producer %s%s\n' \
    "$wall" "$source_rows" "$rows_read" "$window" "$clients" "${note:+; $note}"
  echo "   workers' CPU-s by thread: shard/JIT/GC/other: $threads"
  echo "   PostgreSQL CPU-s of the source's / the target's backends: $databases"
  record "$key" "$label" "$wall" "$source_rows" "${window% *} $clients ${window##* }" "$heap" "$live" "$maxrss" "$oom" \
    "$threads" "$databases" "$note"
}
