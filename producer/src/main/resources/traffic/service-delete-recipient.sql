-- A recipient and everything of it (the service deletes a person outright).
WITH gone AS (DELETE FROM recipients WHERE id = :recipient RETURNING id),
     lists AS (DELETE FROM recipient_lists WHERE recipient_id IN (SELECT id FROM gone)),
     attributes AS (DELETE FROM recipient_attributes WHERE recipient_id IN (SELECT id FROM gone)),
     tags AS (DELETE FROM recipient_tags WHERE recipient_id IN (SELECT id FROM gone))
DELETE FROM recipient_activity
WHERE company_id = :company AND recipient_id IN (SELECT id FROM gone)
