# shellcheck shell=bash
# A private PostgreSQL cluster for one benchmark run (bench/run.sh --private-pg): its own data
# folder, port and settings, so that nothing else on the machine's cluster shares the figures and
# server settings (a bulk-load window's max_wal_size, say) can be measured without touching the
# shared server. Needs: die.

PRIVATE_PG_DIR=""

# The newest installed PostgreSQL's programs: pg_config's, else Debian's versioned folders.
_pg_bindir() {
  local dir
  dir=$(pg_config --bindir 2> /dev/null || true)
  [ -x "$dir/initdb" ] || dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin 2> /dev/null | sort -V | tail -1)
  [ -x "$dir/initdb" ] || die "--private-pg needs PostgreSQL's initdb and pg_ctl (none found)"
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, its programs run as the postgres user.
_as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A folder the cluster's programs can write to (they run as postgres when we are root).
_pg_owned_dir() {
  mkdir -p "$1"
  [ "$(id -u)" -ne 0 ] || chown postgres "$1"
  (cd "$1" && pwd) # absolute: the socket folder (-k) must be
}

# start_private_pg DIR LOG_DIR "NAME=VALUE ...": initdb in DIR (trust, UTF8), start on the first
# free port from 5499 with those settings, and point PGHOST/PGPORT at it. The logs go to LOG_DIR,
# which outlives the cluster (its checkpoint warnings are part of what a run measured).
start_private_pg() {
  local dir logs settings=$3 bin port=5499 options setting
  bin=$(_pg_bindir)
  while ss -Hltn "sport = :$port" | grep -q .; do port=$((port + 1)); done
  dir=$(_pg_owned_dir "$1")
  logs=$(_pg_owned_dir "$2")
  options="-p $port -k $dir -c listen_addresses=127.0.0.1"
  for setting in $settings; do options+=" -c $setting"; done
  echo "== private PostgreSQL cluster on port $port: $settings (logs: $logs)"
  PRIVATE_PG_DIR=$dir
  _as_pg_owner "$bin/initdb" -D "$dir/data" -U "$PGUSER" --auth=trust -E UTF8 > "$logs/initdb.log" 2>&1 \
    || { tail -5 "$logs/initdb.log" >&2; die "initdb failed (log: $logs/initdb.log)"; }
  _as_pg_owner "$bin/pg_ctl" -D "$dir/data" -l "$logs/server.log" -o "$options" -w start > /dev/null \
    || { tail -5 "$logs/server.log" >&2; die "the private cluster did not start (log: $logs/server.log)"; }
  export PGHOST=127.0.0.1 PGPORT=$port
}

stop_private_pg() {
  [ -n "$PRIVATE_PG_DIR" ] || return 0
  _as_pg_owner "$(_pg_bindir)/pg_ctl" -D "$PRIVATE_PG_DIR/data" -m fast -w stop > /dev/null 2>&1 || true
  rm -rf "$PRIVATE_PG_DIR"
  PRIVATE_PG_DIR=""
}
