DELETE FROM recipient_activity
WHERE id = (SELECT id FROM recipient_activity WHERE company_id = :company AND id >= :probe ORDER BY id LIMIT 1)
