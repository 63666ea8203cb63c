-- Edits the detail of one activity row of the company, the first at or after a random id.
UPDATE recipient_activity SET detail = detail || '{"edited": true}'
WHERE id = (SELECT id FROM recipient_activity WHERE company_id = :company AND id >= :probe ORDER BY id LIMIT 1)
