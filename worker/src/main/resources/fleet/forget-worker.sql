-- A worker that stops leaves the fleet at once: the others take its share of the budget.
DELETE FROM migration.workers WHERE fleet = :fleet AND worker = :worker
