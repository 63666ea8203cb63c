# shellcheck shell=bash
# Database helpers for bench/run.sh: scratch databases, row counts, binary COPY in streams.

# The ten legacy tables: what the fleet reads, and what "source rows" counts.
# shellcheck disable=SC2034 # used by bench/run.sh
LEGACY_TABLES=(companies lists list_recipients list_recipient_fields recipient_tags recipient_opens
  recipient_clicks recipient_bounces recipient_unsubscribes suppressions)

CREATED_DBS=()

# psql for one value or a script: unaligned, no notices ("does not exist, skipping"), stop on error.
sql() { PGOPTIONS="-c client_min_messages=warning" psql -qAtX -v ON_ERROR_STOP=1 -d "$@"; }

recreate_db() {
  sql postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
  [[ " ${CREATED_DBS[*]} " == *" $1 "* ]] || CREATED_DBS+=("$1")
}

drop_db() { sql postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; }

jdbc_url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }
pg_uri() { echo "postgres://$PGUSER@$PGHOST:$PGPORT/$1"; }

# Sum of the given tables' row counts in a database.
count_rows() {
  local db=$1 t query=""; shift
  for t in "$@"; do query+="${query:+ + }(SELECT count(*) FROM $t)"; done
  sql "$db" -c "SELECT $query"
}

# The target tables of a fleet target: every table of its public schema but Flyway's history
# (the eight of MIGRATION.md, migration_rejects included).
target_tables() {
  sql "$1" -c "SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                 AND tablename <> 'flyway_schema_history' ORDER BY tablename"
}

# split_tables DB N TABLE...: N groups of similar total size (largest table first into the
# lightest group), one line each, table names space-separated.
split_tables() {
  local db=$1 n=$2 list
  shift 2
  list=$(printf "'%s'," "$@")
  sql "$db" -F ' ' -c "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
        JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public' AND c.relkind = 'r' AND c.relname IN (${list%,})
        ORDER BY 2 DESC, 1" |
    awk -v n="$n" '{
        best = 1
        for (g = 2; g <= n; g++) if (load[g] < load[best]) best = g
        load[best] += $2; tables[best] = tables[best] " " $1
      }
      END { for (g = 1; g <= n; g++) if (tables[g] != "") print substr(tables[g], 2) }'
}

# Runs "FUNCTION TABLE" for each table of each group, the groups concurrently (one stream each,
# tables one after another within a stream); fails when any stream fails.
in_streams() {
  local fn=$1 groups=$2 group pids=() pid status=0
  while IFS= read -r group; do
    [ -n "$group" ] || continue
    (
      local t
      for t in $group; do "$fn" "$t"; done
    ) &
    pids+=($!)
  done <<< "$groups"
  for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
  return "$status"
}
