#!/usr/bin/env bash
# CUTOVER_FREEZE_HOOK, reference version (CLI.md, "The switch").
#
# What an application must do here: stop accepting new writes for company $COMPANY_ID in its
# legacy tables, and return 0 only once every write that starts from now on will see that. A
# transaction it had already begun may still commit: the cutover waits for those itself.
#
# This application keeps a per-company flag in its own database (table app_cutover_flags, which
# the application creates; see README.md) and reads it at the start of every write transaction:
# freezing sets frozen = true. Environment: COMPANY_ID (required), RUN_ID (logged only),
# APP_DB_URL (a libpq URI, default postgresql://127.0.0.1:5432/legacy).
set -euo pipefail
: "${COMPANY_ID:?COMPANY_ID must be set}"
[[ "$COMPANY_ID" =~ ^[0-9]+$ ]] || { echo "freeze: COMPANY_ID is not a company id: $COMPANY_ID" >&2; exit 2; }
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

psql "${APP_DB_URL:-postgresql://127.0.0.1:5432/legacy}" -X -q -v ON_ERROR_STOP=1 -v company_id="$COMPANY_ID" <<'SQL'
INSERT INTO app_cutover_flags (company_id, frozen, updated_at)
VALUES (:'company_id', true, now())
ON CONFLICT (company_id) DO UPDATE SET frozen = true, updated_at = now();
SQL
echo "freeze: company $COMPANY_ID frozen (run ${RUN_ID:-none})" >&2
