-- producer throttle: the whole fleet's budget in source rows per second (NULL: the workers' default).
INSERT INTO migration.fleet_control AS c (fleet, rows_per_second, updated_at, updated_by)
VALUES (:fleet, :rowsPerSecond, now(), :updatedBy)
ON CONFLICT (fleet) DO UPDATE
SET rows_per_second = EXCLUDED.rows_per_second, updated_at = now(), updated_by = EXCLUDED.updated_by
RETURNING c.rows_per_second, c.paused, c.updated_at, c.updated_by
