DELETE FROM recipient_tags
WHERE recipient_id = :recipient AND company_id = :company AND tag = (SELECT min(tag) FROM recipient_tags WHERE recipient_id = :recipient)
