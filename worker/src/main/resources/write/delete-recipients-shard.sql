-- Empties the shard's recipients (R13: what the copy that follows writes is then all there is). The
-- (company_id, email) key finds the company's rows; shard_bucket picks the shard's. Their ids come
-- back so that their children go too (delete-recipient-children), and only when there were any:
-- on a fresh target nothing more is looked at.
DELETE FROM recipients WHERE company_id = ? AND shard_bucket BETWEEN ? AND ? RETURNING id
