#!/usr/bin/env bash
# CUTOVER_ROLLBACK_HOOK, reference version (CLI.md, "The switch").
#
# What an application must do here: serve company $COMPANY_ID from the legacy tables again and
# accept its writes there. Whatever it wrote to the new service since the switch stays in the
# target; `cutover rollback` reports it afterwards, per table.
#
# Here: switched = false and frozen = false in app_cutover_flags. Environment: COMPANY_ID
# (required), RUN_ID (logged only), APP_DB_URL (a libpq URI, default
# postgresql://127.0.0.1:5432/legacy).
set -euo pipefail
: "${COMPANY_ID:?COMPANY_ID must be set}"
[[ "$COMPANY_ID" =~ ^[0-9]+$ ]] || { echo "rollback: COMPANY_ID is not a company id: $COMPANY_ID" >&2; exit 2; }
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

psql "${APP_DB_URL:-postgresql://127.0.0.1:5432/legacy}" -X -q -v ON_ERROR_STOP=1 -v company_id="$COMPANY_ID" <<'SQL'
INSERT INTO app_cutover_flags (company_id, frozen, switched, updated_at)
VALUES (:'company_id', false, false, now())
ON CONFLICT (company_id) DO UPDATE SET frozen = false, switched = false, updated_at = now();
SQL
echo "rollback: company $COMPANY_ID served from the legacy tables again (run ${RUN_ID:-none})" >&2
