-- The application's per-company switch state, which the cutover hooks set (scripts/hooks/).
CREATE TABLE IF NOT EXISTS app_cutover_flags (
    company_id  bigint      PRIMARY KEY,
    frozen      boolean     NOT NULL DEFAULT false,
    switched    boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now()
)
