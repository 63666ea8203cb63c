# shellcheck shell=bash
# Results of bench/run.sh: one TSV line per measured thing, then one summary table and the
# issue's targets read off it. Needs OUT.

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (b + 0 > a + 0) ? b : a }'; }

# record KEY LABEL WALL_S SOURCE_ROWS "MACHINE POSTGRES RABBITMQ CLIENTS WORKERS" HEAP LIVE RSS OOM NOTE
# (CPU in seconds; WORKERS "-" for what is not the fleet; empty memory fields when not measured).
record() {
  local cpu
  read -r -a cpu <<< "$5"
  printf '%s\t' "$1" "$2" "$3" "$4" "${cpu[@]}" "$6" "$7" "$8" "$9" >> "$OUT/results.tsv"
  printf '%s\n' "${10}" >> "$OUT/results.tsv"
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
  record "$key" "$label" "$(elapsed "$t0" "$t1")" "$rows" "${window% *} $clients -" "" "" "" "" ""
}

# The summary table (markdown) and the targets, from results.tsv.
summary_table() {
  awk -F'\t' '
    function fmt(v, d) { return v == "" ? "-" : sprintf("%." d "f", v) }
    function perm(cpu, rows) { return cpu == "-" || cpu == "" ? "" : cpu / (rows / 1e6) }
    { n++; key[n] = $1; label[n] = $2; wall[n] = $3; rows[n] = $4; machine[n] = $5; pg[n] = $6
      rabbit[n] = $7; clients[n] = $8; workers[n] = $9; heap[n] = $10; live[n] = $11; rss[n] = $12; oom[n] = $13
      note[n] = $14; rate[n] = $4 / $3; at[$1] = n }
    END {
      print "| what | wall s | source rows/s | vs pgcopydb | vs floor | worker CPU-s/M | other CPU-s/M | of which PostgreSQL | of which RabbitMQ | of which clients | unaccounted | heap MiB peak / after GC | peak RSS MiB | OOM |"
      print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
      for (i = 1; i <= n; i++) {
        other = workers[i] == "-" ? machine[i] : machine[i] - workers[i]
        vsp = ("pgcopydb" in at) ? rate[i] / rate[at["pgcopydb"]] : ""
        vsf = ("floor" in at) ? rate[i] / rate[at["floor"]] : ""
        printf "| %s | %.1f | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", label[i], wall[i], rate[i],
          fmt(vsp, 2), fmt(vsf, 2), fmt(perm(workers[i], rows[i]), 2), fmt(perm(other, rows[i]), 2),
          fmt(perm(pg[i], rows[i]), 2), fmt(perm(rabbit[i], rows[i]), 2), fmt(perm(clients[i], rows[i]), 2),
          fmt(perm(other - pg[i] - rabbit[i] - clients[i], rows[i]), 2),
          heap[i] == "" ? "-" : heap[i] " / " live[i], rss[i] == "" ? "-" : rss[i], oom[i] == "" ? "-" : oom[i]
      }
      print "\nCPU-s per million source rows. Clients: the producer (enqueue, status) for fleet lines; psql or"
      print "pgcopydb for the others. Unaccounted: other minus PostgreSQL, RabbitMQ and clients, i.e. the"
      print "rest of the machine; well above zero means it was not quiet and the other column is inflated."
      for (i = 1; i <= n; i++) {
        other = workers[i] == "-" ? machine[i] : machine[i] - workers[i]
        share = machine[i] > 0 ? (other - pg[i] - rabbit[i] - clients[i]) / machine[i] : 0
        if (share > worst) { worst = share; noisiest = label[i] }
      }
      if (worst > 0.1)
        printf "\n**The machine was not quiet**: %.0f%% of the busy CPU during \"%s\" was not ours; rates and\nCPU figures are inflated, and the run only indicative.\n", worst * 100, noisiest
      for (i = 1; i <= n; i++) if (note[i] != "") printf "\n%s: %s\n", label[i], note[i]

      print "\nTargets (issue #7; the fleet line is the 2-worker run on the 1x dataset):\n"
      print "| target | measured | wanted | |"
      print "|---|---:|---:|---|"
      f = at["fleet-2"]
      if (f) {
        if ("pgcopydb" in at) check("fleet rate / pgcopydb rate", rate[f] / rate[at["pgcopydb"]], ">=", 0.25)
        if ("floor" in at) check("fleet rate / load floor rate", rate[f] / rate[at["floor"]], ">=", 0.7)
        check("worker CPU-s per million source rows", perm(workers[f], rows[f]), "<=", 2.5)
        check("other CPU-s per million source rows", perm(machine[f] - workers[f], rows[f]), "<=", 6)
      } else print "| (no 2-worker fleet run: --workers did not include 2) | | | |"
      ooms = 0; fleets = 0
      for (i = 1; i <= n; i++) if (workers[i] != "-") { fleets++; if (oom[i] == "yes") ooms++ }
      printf "| fleet runs with an OutOfMemoryError at -Xmx256m | %d of %d | 0 | %s |\n", ooms, fleets, ooms ? "MISSED" : "met"
      if (f && ("x4" in at)) {
        x = at["x4"]
        check(sprintf("4x data / 1x data, wall time (source rows x%.2f)", rows[x] / rows[f]), wall[x] / wall[f], "<=", 4.4)
      }
    }
    function check(what, v, op, want,   ok) {
      ok = op == ">=" ? v >= want : v <= want
      printf "| %s | %.2f | %s %s | %s |\n", what, v, op, want, ok ? "met" : "MISSED"
    }' "$OUT/results.tsv"
  [ -f "$OUT/breakdown.tsv" ] || return 0
  echo
  echo "Where the workers' CPU goes, CPU-s per million source rows, by thread (bench/lib/proc.sh):"
  echo
  awk -F'\t' '
    BEGIN { print "| fleet run | shard threads | JIT compilers | GC | other threads |"; print "|---|---:|---:|---:|---:|" }
    { m = $3 / 1e6; printf "| %s | %.2f | %.2f | %.2f | %.2f |\n", $2, $4 / m, $5 / m, $6 / m, $7 / m }' "$OUT/breakdown.tsv"
  echo
  echo "Where PostgreSQL's CPU goes in the fleet runs, CPU-s per million source rows: the live backends of"
  echo "the source database and of the target's (the workers' pools), and the rest of the cluster (WAL"
  echo "writer, checkpointer, connections that closed inside the run: the producer's)."
  echo
  awk -F'\t' '
    BEGIN { print "| fleet run | source backends | target backends | rest of the cluster |"; print "|---|---:|---:|---:|" }
    NF >= 10 { m = $3 / 1e6; rest = $10 - $8 - $9; printf "| %s | %.2f | %.2f | %.2f |\n", $2, $8 / m, $9 / m, rest / m
               if ($10 > 0 && rest / $10 > worst) { worst = rest / $10; noisiest = $2 } }
    END { if (worst > 0.2)
            printf "\n**%.0f %% of the PostgreSQL CPU in \"%s\" was in neither the source nor the target database:" \
              " another database of the cluster was probably busy, and the PostgreSQL figures are inflated.**\n", worst * 100, noisiest }' "$OUT/breakdown.tsv"
}
