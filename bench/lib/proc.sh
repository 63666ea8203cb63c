# shellcheck shell=bash
# CPU accounting from /proc, for bench/run.sh. Every figure is in clock ticks (CLK_TCK a second)
# until cpu_seconds converts it. How each is counted, and its caveats: docs/BENCHMARKS.md.

CLK_TCK=$(getconf CLK_TCK)

# Busy ticks of the whole machine, all cores: user + nice + system + irq + softirq. Idle and
# iowait are not work; steal is another guest's; guest time is already inside user.
machine_busy_ticks() {
  awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8; exit }' /proc/stat
}

# Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses):
# $1 is field 3 (state), so utime is $12, stime $13, cutime $14, cstime $15.
_stat_after_comm() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  echo "${stat##*) }"
}

# utime + stime of each given process (all its threads), summed; a process that is gone counts 0.
pids_ticks() {
  local pid rest total=0
  for pid in "$@"; do
    rest=$(_stat_after_comm "$pid") || continue
    total=$((total + $(awk '{ print $12 + $13 }' <<< "$rest")))
  done
  echo "$total"
}

# The local cluster's postmaster, from its data directory's postmaster.pid.
postmaster_pid() {
  local dir
  dir=$(psql -qAtX -d postgres -c "SHOW data_directory")
  head -1 "$dir/postmaster.pid"
}

# The local RabbitMQ node serving AMQP_URI's port (5672 by default): the process listening on it,
# so a private test node of someone else's never counts.
rabbit_node_pid() {
  local port
  port=$(sed -nE 's|^amqps?://([^@/]*@)?[^:/]*:([0-9]+).*|\2|p' <<< "${AMQP_URI:-}")
  ss -Hltnp "sport = :${port:-5672}" | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2
}

# Found once: the snapshots run in subshells, which cannot cache.
POSTMASTER_PID=$(postmaster_pid)
RABBIT_PID=$(rabbit_node_pid)

# CPU of the whole PostgreSQL cluster: the postmaster, its live children (backends, walwriter,
# checkpointer, autovacuum, parallel workers), and the children that already exited (the
# postmaster's cutime + cstime), so backends that come and go inside a window are counted.
pg_cluster_ticks() {
  local rest children
  mapfile -t children < <(pgrep -P "$POSTMASTER_PID" || true)
  rest=$(_stat_after_comm "$POSTMASTER_PID") || { echo 0; return; }
  echo $(( $(pids_ticks "${children[@]}") + $(awk '{ print $12 + $13 + $14 + $15 }' <<< "$rest") ))
}

# CPU of the RabbitMQ node (beam.smp, all its schedulers); 0 when the broker is not local.
rabbit_ticks() {
  if [ -n "$RABBIT_PID" ]; then pids_ticks "$RABBIT_PID"; else echo 0; fi
}

# The live backends of the given databases as "DATABASE PID TICKS": every child of the postmaster
# whose process title names one of them ("postgres: [cluster: ]user database host(port) state",
# "autovacuum worker database"), its utime + stime so far.
pg_backend_ticks() {
  local pid title db
  for pid in $(pgrep -P "$POSTMASTER_PID" || true); do
    title=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
    for db in "$@"; do
      [[ " $title " == *" $db "* ]] || continue
      echo "$db $pid $(pids_ticks "$pid")"
      break
    done
  done
}

# One snapshot: "machine postgres rabbitmq workers" ticks, the workers being the given pids.
cpu_snapshot() {
  echo "$(machine_busy_ticks) $(pg_cluster_ticks) $(rabbit_ticks) $(pids_ticks "$@")"
}

# Each thread of the given JVMs as "KIND PID/TID TICKS": KIND is shard (the worker's shard
# threads: reading, rules, COPY), jit (the C1 and C2 compiler threads), gc (G1's or the parallel
# collector's threads) or other (Dropwizard, AMQP, Hikari, heartbeat, the VM thread).
thread_ticks() {
  local pid task stat
  for pid in "$@"; do
    for task in /proc/"$pid"/task/*; do
      stat=$(cat "$task/stat" 2>/dev/null) || continue
      awk -v comm="$(sed 's/^[0-9]* (\(.*\)) .*/\1/' <<< "$stat")" -v id="$pid/${task##*/}" '{
        kind = "other"
        if (comm ~ /^shard-/) kind = "shard"
        else if (comm ~ /CompilerThre/) kind = "jit"
        else if (comm ~ /^(GC Thread|G1 )/) kind = "gc"
        print kind, id, $12 + $13 }' <<< "${stat##*) }"
    done
  done
}

# ticks_window "START" "END" KIND... (thread_ticks or pg_backend_ticks outputs, "KIND ID TICKS"
# lines): each kind's CPU-s in the window, in the order given. An id born inside the window counts
# whole; one that ended inside it is missed (the JVM retires idle compiler threads, a connection
# closes), so the kinds may add up to a little less than their process's or cluster's total.
ticks_window() {
  local start=$1 end=$2
  shift 2
  awk -v hz="$CLK_TCK" -v kinds="$*" 'FNR == NR { start[$2] = $3; next }
    { s[$1] += $3 - (($2 in start) ? start[$2] : 0) }
    END { n = split(kinds, k, " "); for (i = 1; i <= n; i++) printf "%.2f%s", s[k[i]] / hz, i < n ? " " : "\n" }' \
    <(echo "$start") <(echo "$end")
}

# cpu_window "START SNAPSHOT" "END SNAPSHOT": prints "machine postgres rabbitmq workers" in seconds.
cpu_window() {
  awk -v a="$1" -v b="$2" -v hz="$CLK_TCK" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    printf "%.2f %.2f %.2f %.2f\n", (y[1]-x[1])/hz, (y[2]-x[2])/hz, (y[3]-x[3])/hz, (y[4]-x[4])/hz }'
}

# Sets CHILDREN_CPU to the CPU-s (user + system) of every finished child of this shell so far,
# grandchildren included: the producer's JVMs, psql, pgcopydb. The times builtin must run in this
# shell, not in a $(...) subshell, which starts its own count from zero: so call it plainly.
# shellcheck disable=SC2034 # CHILDREN_CPU is read by the caller
mark_children_cpu() {
  times > "$WORK/times"
  CHILDREN_CPU=$(awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] }
                       printf "%.2f\n", t }' "$WORK/times")
}

# Peak resident set size of a live process, MiB (VmHWM: the kernel's high-water mark).
peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024; found = 1 } END { if (!found) print "" }' "/proc/$1/status" 2>/dev/null || echo ""
}

# From a -Xlog:gc file, "PEAK AFTER" MiB: the most heap in use just before any pause, and the
# most still in use right after a pause that moves objects (young, mixed or full collections;
# G1's remark and cleanup pauses free no more than whole empty regions): the live set's high mark.
gc_heap_peaks() {
  sed -nE 's/.*Pause ([A-Za-z]+).* ([0-9]+[KMG])->([0-9]+[KMG])\(.*/\1 \2 \3/p' "$1" 2>/dev/null | awk '
    function mib(v,   unit, n) {
      unit = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0
      return unit == "K" ? n / 1024 : (unit == "G" ? n * 1024 : n)
    }
    { before = mib($2); after = mib($3); if (before > peak) peak = before
      if (($1 == "Young" || $1 == "Full") && after > live) live = after }
    END { printf "%.0f %.0f\n", peak, live }'
}
