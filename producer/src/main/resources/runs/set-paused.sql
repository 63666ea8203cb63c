-- producer pause / resume.
INSERT INTO migration.fleet_control AS c (fleet, paused, updated_at, updated_by)
VALUES (:fleet, :paused, now(), :updatedBy)
ON CONFLICT (fleet) DO UPDATE
SET paused = EXCLUDED.paused, updated_at = now(), updated_by = EXCLUDED.updated_by
RETURNING c.rows_per_second, c.paused, c.updated_at, c.updated_by
