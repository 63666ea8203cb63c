#!/usr/bin/env bash
# CUTOVER_SWITCH_HOOK, reference version (CLI.md, "The switch").
#
# What an application must do here: serve company $COMPANY_ID from the new service from now on,
# reads and writes, and never write its legacy rows again. The cutover runs it once the target
# holds exactly the company's frozen legacy data, verified to the row.
#
# Here: switched = true and frozen = false in app_cutover_flags; the application's writes for the
# company then go to the new service. Environment: COMPANY_ID (required), RUN_ID (logged only),
# APP_DB_URL (a libpq URI, default postgresql://127.0.0.1:5432/legacy).
set -euo pipefail
: "${COMPANY_ID:?COMPANY_ID must be set}"
[[ "$COMPANY_ID" =~ ^[0-9]+$ ]] || { echo "switch: COMPANY_ID is not a company id: $COMPANY_ID" >&2; exit 2; }
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

psql "${APP_DB_URL:-postgresql://127.0.0.1:5432/legacy}" -X -q -v ON_ERROR_STOP=1 -v company_id="$COMPANY_ID" <<'SQL'
INSERT INTO app_cutover_flags (company_id, frozen, switched, updated_at)
VALUES (:'company_id', false, true, now())
ON CONFLICT (company_id) DO UPDATE SET frozen = false, switched = true, updated_at = now();
SQL
echo "switch: company $COMPANY_ID served by the new service (run ${RUN_ID:-none})" >&2
