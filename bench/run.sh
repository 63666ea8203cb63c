#!/usr/bin/env bash
# The benchmark of docs/BENCHMARKS.md. On one seeded dataset, in one run: pgcopydb clone (the
# peer), a raw binary COPY of the ten legacy tables (the machine's copy speed), the fleet with 1
# and 2 workers (-Xmx256m), and the load floor (the fleet's own target rows binary-COPYed into a
# fresh target with the same schema and indexes). The figures go to one results file (data), which
# bench/Render.java prints as the summary tables with the targets of bench/targets.tsv.
#
# Usage: bench/run.sh [--companies N] [--rows M] [--workers "1 2"] [--shard-rows R]
#                     [--streams S] [--scale] [--skew] [--keep] [--private-pg "SETTINGS"]
#   --scale  also migrates a 4x dataset (4N companies, 4M rows) with 2 workers: time ratio vs 1x
#   --skew   also migrates a dataset where one company holds a third of the rows, with 2 workers
#   --keep   keep the scratch databases (named $BENCH_PREFIX_*, default bench_*)
#   --private-pg "max_wal_size=16GB ..."  runs every line on a private PostgreSQL cluster made for
#            the run (initdb, a free port from 5499, these settings), removed at the end
# Environment: BENCH_PREFIX (bench), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
#   AMQP_URI, BENCH_STATUS_TIMEOUT (seconds a fleet run may take, 3600), BENCH_RESULTS (the folder
#   of the results file, bench/results).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { awk '/^# Usage:/ { on = 1 } on && !/^#/ { exit } on { sub(/^# ?/, ""); print }' "$0"; }
die() { echo "bench: $*" >&2; exit 1; }

ARGS="$*"
COMPANIES=300 ROWS=1000000 WORKERS="1 2" SHARD_ROWS="" STREAMS=2 SCALE=no SKEW=no KEEP=no PRIVATE_PG=""
while [ $# -gt 0 ]; do
  case "$1" in
    --companies) COMPANIES=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    --shard-rows) SHARD_ROWS=$2; shift 2 ;;
    --streams) STREAMS=$2; shift 2 ;;
    --scale) SCALE=yes; shift ;;
    --skew) SKEW=yes; shift ;;
    --keep) KEEP=yes; shift ;;
    --private-pg) PRIVATE_PG=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; echo "bench: unknown argument $1" >&2; exit 64 ;;
  esac
done

[ -z "$PRIVATE_PG" ] || [ "$KEEP" = no ] || die "--keep and --private-pg: the private cluster is removed at the end"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export FLEET_NAME=bench AMQP_URI=${AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/%2F}
P=${BENCH_PREFIX:-bench}
SRC_DB=${P}_src CLONE_DB=${P}_pgcopydb RAW_DB=${P}_raw TGT_DB=${P}_tgt FLOOR_DB=${P}_floor
STATUS_TIMEOUT=${BENCH_STATUS_TIMEOUT:-3600}
STAMP=$(date +%Y-%m-%dT%H%M%S)
RESULTS_DIR=${BENCH_RESULTS:-bench/results}
OUT=bench/out/$STAMP
WORK=$OUT/work
mkdir -p "$WORK"

# shellcheck source=bench/lib/private_pg.sh
source bench/lib/private_pg.sh
# Before proc.sh, which finds the cluster's postmaster once.
trap stop_private_pg EXIT
[ -z "$PRIVATE_PG" ] || start_private_pg "$WORK/pg" "$OUT/pg" "$PRIVATE_PG"
# shellcheck source=bench/lib/proc.sh
source bench/lib/proc.sh
# shellcheck source=bench/lib/db.sh
source bench/lib/db.sh
# shellcheck source=bench/lib/results.sh
source bench/lib/results.sh
# shellcheck source=bench/lib/fleet.sh
source bench/lib/fleet.sh

cleanup() {
  stop_workers
  reset_queues
  if [ "$KEEP" = yes ]; then
    echo "== kept databases: ${CREATED_DBS[*]}"
  else
    local db
    for db in "${CREATED_DBS[@]}"; do drop_db "$db" || true; done
  fi
  stop_private_pg
  rm -rf "$WORK"
}
trap cleanup EXIT

# Rebuilds the jars when missing or older than any main source file.
build_jars() {
  local jar stale=no
  for jar in producer/target/producer.jar worker/target/worker.jar; do
    [ -f "$jar" ] || stale=yes
    [ "$stale" = yes ] || [ -z "$(find common producer worker -path '*/src/main/*' -newer "$jar" -print -quit)" ] || stale=yes
  done
  if [ "$stale" = yes ]; then
    echo "== building the jars (./mvnw -B -q -DskipTests package)"
    ./mvnw -B -q -DskipTests package
  fi
}

install_pgcopydb() {
  command -v pgcopydb > /dev/null && return
  echo "== pgcopydb is missing: installing the Debian package (apt-get install -y pgcopydb)"
  apt-get install -y pgcopydb > "$OUT/apt-pgcopydb.log" 2>&1 \
    || { apt-get update > /dev/null 2>&1 && apt-get install -y pgcopydb >> "$OUT/apt-pgcopydb.log" 2>&1; } \
    || die "could not install pgcopydb (log: $OUT/apt-pgcopydb.log)"
}

# seed DB ARGS...: a fresh source database seeded with the producer's seed command (seed 42), then
# vacuumed (FREEZE, ANALYZE) like a production database whose rows are old: otherwise the first
# reader of the freshly loaded rows (pgcopydb on the 1x source, the fleet on the 4x and skewed ones)
# pays for setting the hint bits of every page, and the lines would not compare.
seed() {
  local db=$1 t0
  shift
  echo "== seed $db: $*"
  recreate_db "$db"
  with_dbs "$db" "$TGT_DB" producer seed "$@" --seed 42 2> "$OUT/seed-$db.log"
  t0=$(now)
  sql "$db" -c "VACUUM (FREEZE, ANALYZE)"
  echo "   vacuumed (FREEZE, ANALYZE) in $(elapsed "$t0" "$(now)") s"
}

# --- the peer and the floors ---

pgcopydb_clone() {
  rm -rf "$WORK/pgcopydb"
  PGCOPYDB_SOURCE_PGURI=$(pg_uri "$SRC_DB") PGCOPYDB_TARGET_PGURI=$(pg_uri "$CLONE_DB") \
    pgcopydb clone --dir "$WORK/pgcopydb" --table-jobs 2 --index-jobs 2 --no-owner --no-acl \
    > "$OUT/pgcopydb.log" 2>&1 || { tail -5 "$OUT/pgcopydb.log" >&2; die "pgcopydb clone failed"; }
}

copy_source_table() {
  psql -qX -v ON_ERROR_STOP=1 -d "$SRC_DB" -c "COPY $1 TO STDOUT (FORMAT binary)" \
    | psql -qX -v ON_ERROR_STOP=1 -d "$RAW_DB" -c "COPY $1 FROM STDIN (FORMAT binary)"
}

dump_target_table() {
  psql -qX -v ON_ERROR_STOP=1 -d "$TGT_DB" -c "COPY $1 TO STDOUT (FORMAT binary)" > "$WORK/floor/$1.bin"
}

load_target_table() {
  psql -qX -v ON_ERROR_STOP=1 -d "$FLOOR_DB" -c "COPY $1 FROM STDIN (FORMAT binary)" < "$WORK/floor/$1.bin"
}

# The ten legacy tables from the seeded source into a scratch database with their columns only
# (pg_dump's pre-data section: no primary keys, no indexes), $STREAMS concurrent streams.
raw_copy() {
  local groups
  recreate_db "$RAW_DB"
  pg_dump --schema-only --section=pre-data --no-owner --no-acl "${LEGACY_TABLES[@]/#/--table=}" "$SRC_DB" \
    | sql "$RAW_DB" > /dev/null
  groups=$(split_tables "$SRC_DB" "$STREAMS" "${LEGACY_TABLES[@]}")
  echo "   streams: $(paste -sd '|' <<< "$groups")"
  measure raw "raw binary COPY, $STREAMS streams, no indexes" "$SOURCE_ROWS" in_streams copy_source_table "$groups"
  drop_db "$RAW_DB"
}

# The fleet's final target rows (rejects included), dumped with binary COPY from the last fleet
# target, loaded into a fresh target made by migrate-schema (all its indexes) in $STREAMS
# concurrent streams. Only the load is timed.
load_floor() {
  local tables groups target_rows
  mapfile -t tables < <(target_tables "$TGT_DB")
  target_rows=$(count_rows "$TGT_DB" "${tables[@]}")
  mkdir -p "$WORK/floor"
  in_streams dump_target_table "$(split_tables "$TGT_DB" "$STREAMS" "${tables[@]}")"
  recreate_db "$FLOOR_DB"
  with_dbs "$SRC_DB" "$FLOOR_DB" producer migrate-schema > "$OUT/migrate-schema-floor.log" 2>&1
  groups=$(split_tables "$TGT_DB" "$STREAMS" "${tables[@]}")
  echo "   $target_rows target rows in ${#tables[@]} tables; streams: $(paste -sd '|' <<< "$groups")"
  measure floor "load floor: target rows, $STREAMS streams, indexes" "$SOURCE_ROWS" in_streams load_target_table "$groups"
  [ "$(count_rows "$FLOOR_DB" "${tables[@]}")" -eq "$target_rows" ] || die "the load floor lost rows"
  rm -rf "$WORK/floor"
  drop_db "$FLOOR_DB"
}

# The run as data, $RESULTS_DIR/<stamp>-run.tsv: "# key=value" lines for what it ran on, then one
# row per line measured. Rendered now for the terminal and $OUT/summary.md; docs/BENCHMARKS.md
# quotes the rendering of the latest committed file.
write_results() {
  local file=$RESULTS_DIR/$STAMP-run.tsv changes=no
  git diff --quiet HEAD -- . || changes=yes
  mkdir -p "$RESULTS_DIR"
  {
    printf '# %s\n' kind=run "command=bench/run.sh${ARGS:+ $ARGS}" "date=$(date '+%F %H:%M %Z')" \
      "commit=$(git rev-parse --short HEAD)" "local_changes=$changes" "cores=$(nproc)" \
      "memory_gib=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
      "load_start=$LOAD_AT_START" "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" "companies=$COMPANIES" \
      "list_recipients=$ROWS" "source_rows=$SOURCE_ROWS" "shard_rows=${SHARD_ROWS:-the producer default}" \
      "private_pg=$PRIVATE_PG" "postgres=$(sql postgres -c "SELECT version()" | cut -d' ' -f1-2)" \
      "shared_buffers=$(sql postgres -c "SHOW shared_buffers")" "max_wal_size=$(sql postgres -c "SHOW max_wal_size")"
    (IFS=$'\t'; echo "${RESULT_COLUMNS[*]}")
    cat "$OUT/lines.tsv"
  } > "$file"
  echo
  java bench/Render.java "$file" | tee "$OUT/summary.md"
  echo
  echo "(data in $file, rendered with: java bench/Render.java $file; logs in $OUT)"
}

main() {
  local n
  LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
  build_jars
  install_pgcopydb

  seed "$SRC_DB" --companies "$COMPANIES" --rows "$ROWS"
  SOURCE_ROWS=$(count_rows "$SRC_DB" "${LEGACY_TABLES[@]}")
  echo "   $SOURCE_ROWS source rows in the ten legacy tables"

  echo "== pgcopydb clone (--table-jobs 2 --index-jobs 2) into a fresh database"
  recreate_db "$CLONE_DB"
  measure pgcopydb "pgcopydb clone" "$SOURCE_ROWS" pgcopydb_clone
  drop_db "$CLONE_DB"

  echo "== raw binary COPY of the ten legacy tables"
  raw_copy

  for n in $WORKERS; do
    run_fleet "fleet-$n" "fleet, $n worker(s)" "$SRC_DB" "$n" "$SOURCE_ROWS"
  done

  echo "== load floor from the last fleet target"
  load_floor

  if [ "$SCALE" = yes ]; then
    seed "${P}_src_x4" --companies $((COMPANIES * 4)) --rows $((ROWS * 4))
    run_fleet x4 "fleet, 2 workers, 4x data" "${P}_src_x4" 2 "$(count_rows "${P}_src_x4" "${LEGACY_TABLES[@]}")"
    drop_db "${P}_src_x4"
  fi
  if [ "$SKEW" = yes ]; then
    seed "${P}_src_skew" --companies "$COMPANIES" --rows "$ROWS" --skew-share 0.33
    run_fleet skew "fleet, 2 workers, one company a third" "${P}_src_skew" 2 \
      "$(count_rows "${P}_src_skew" "${LEGACY_TABLES[@]}")"
    drop_db "${P}_src_skew"
  fi

  write_results
}

main
