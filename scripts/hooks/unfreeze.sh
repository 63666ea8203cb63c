#!/usr/bin/env bash
# CUTOVER_UNFREEZE_HOOK, reference version (CLI.md, "The switch").
#
# What an application must do here: accept writes for company $COMPANY_ID in its legacy tables
# again, as before the freeze. The cutover runs it when the switch was abandoned (a hook, the copy
# or the verification failed before the switch hook succeeded); the company stays on the legacy
# tables.
#
# Here: frozen = false in app_cutover_flags (switched stays as it was, false in that case).
# Environment: COMPANY_ID (required), RUN_ID (logged only), APP_DB_URL (a libpq URI, default
# postgresql://127.0.0.1:5432/legacy).
set -euo pipefail
: "${COMPANY_ID:?COMPANY_ID must be set}"
[[ "$COMPANY_ID" =~ ^[0-9]+$ ]] || { echo "unfreeze: COMPANY_ID is not a company id: $COMPANY_ID" >&2; exit 2; }
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

psql "${APP_DB_URL:-postgresql://127.0.0.1:5432/legacy}" -X -q -v ON_ERROR_STOP=1 -v company_id="$COMPANY_ID" <<'SQL'
INSERT INTO app_cutover_flags (company_id, frozen, updated_at)
VALUES (:'company_id', false, now())
ON CONFLICT (company_id) DO UPDATE SET frozen = false, updated_at = now();
SQL
echo "unfreeze: company $COMPANY_ID accepts legacy writes again (run ${RUN_ID:-none})" >&2
