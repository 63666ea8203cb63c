-- Renames one of the recipient's tags, unless it has the new one already.
UPDATE recipient_tags SET tag = :tag
WHERE recipient_id = :recipient
  AND tag = (SELECT min(tag) FROM recipient_tags WHERE recipient_id = :recipient)
  AND NOT EXISTS (SELECT 1 FROM recipient_tags WHERE recipient_id = :recipient AND tag = :tag)
