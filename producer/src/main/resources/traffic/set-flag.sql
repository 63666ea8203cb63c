-- Sets a company's flag, as the hooks of scripts/hooks/ do.
INSERT INTO app_cutover_flags (company_id, frozen, switched, updated_at)
VALUES (:company, :frozen, :switched, now())
ON CONFLICT (company_id) DO UPDATE
SET frozen = EXCLUDED.frozen, switched = EXCLUDED.switched, updated_at = EXCLUDED.updated_at
