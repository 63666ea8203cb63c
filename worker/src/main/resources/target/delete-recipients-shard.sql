-- Empties the shard's recipients and everything hanging off them, so the copy that follows
-- leaves exactly what the source holds now (R13). The children have no bucket of their own:
-- they go with their recipient.
WITH doomed AS (
    DELETE FROM recipients WHERE company_id = ? AND shard_bucket BETWEEN ? AND ? RETURNING id
), memberships AS (
    DELETE FROM recipient_lists WHERE recipient_id IN (SELECT id FROM doomed)
), attributes AS (
    DELETE FROM recipient_attributes WHERE recipient_id IN (SELECT id FROM doomed)
), tags AS (
    DELETE FROM recipient_tags WHERE recipient_id IN (SELECT id FROM doomed)
)
DELETE FROM recipient_activity WHERE recipient_id IN (SELECT id FROM doomed)
