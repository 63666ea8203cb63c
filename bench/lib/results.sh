# shellcheck shell=bash
# Results of bench/run.sh as data: one row per measured line in $OUT/lines.tsv, which run.sh
# turns into bench/results/<stamp>-run.tsv and bench/Render.java into tables. Needs OUT.

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (b + 0 > a + 0) ? b : a }'; }

# The columns of a results file, which bench/Render.java reads by name: CPU in seconds over the
# line's window, memory in MiB; an empty cell was not measured (the workers' figures of a line that
# is not the fleet).
RESULT_COLUMNS=(key label wall_s source_rows machine_cpu_s postgres_cpu_s rabbitmq_cpu_s clients_cpu_s
  workers_cpu_s heap_peak_mib heap_after_gc_mib rss_peak_mib oom shard_cpu_s jit_cpu_s gc_cpu_s
  other_threads_cpu_s source_backends_cpu_s target_backends_cpu_s note)

# record KEY LABEL WALL_S SOURCE_ROWS "MACHINE POSTGRES RABBITMQ CLIENTS [WORKERS]" [HEAP LIVE RSS OOM
#   "SHARD JIT GC OTHER" "SOURCE_BACKENDS TARGET_BACKENDS" NOTE]: one row of $OUT/lines.tsv, in
# RESULT_COLUMNS' order (the bracketed fields are the fleet's).
record() {
  local cpu threads backends note=${12:-}
  read -r -a cpu <<< "$5"
  read -r -a threads <<< "${10:-}"
  read -r -a backends <<< "${11:-}"
  note=${note//[$'\t\n']/ }
  printf '%s\t' "$1" "$2" "$3" "$4" "${cpu[0]}" "${cpu[1]}" "${cpu[2]}" "${cpu[3]}" "${cpu[4]:-}" \
    "${6:-}" "${7:-}" "${8:-}" "${9:-}" "${threads[0]:-}" "${threads[1]:-}" "${threads[2]:-}" "${threads[3]:-}" \
    "${backends[0]:-}" "${backends[1]:-}" >> "$OUT/lines.tsv"
  printf '%s\n' "$note" >> "$OUT/lines.tsv"
}

# measure KEY LABEL SOURCE_ROWS COMMAND...: wall time and CPU of something that is not the fleet.
measure() {
  local key=$1 label=$2 rows=$3 t0 t1 cpu0 cpu1 clients0 window clients
  shift 3
  cpu0=$(cpu_snapshot); mark_children_cpu; clients0=$CHILDREN_CPU; t0=$(now)
  "$@"
  t1=$(now); mark_children_cpu; cpu1=$(cpu_snapshot)
  window=$(cpu_window "$cpu0" "$cpu1")
  clients=$(awk -v a="$clients0" -v b="$CHILDREN_CPU" 'BEGIN { printf "%.2f", b - a }')
  printf '   %s s, CPU-s machine/postgres/rabbitmq/clients: %s %s\n' "$(elapsed "$t0" "$t1")" "${window% *}" "$clients"
  record "$key" "$label" "$(elapsed "$t0" "$t1")" "$rows" "${window% *} $clients"
}
