-- Cheaper writes: every index costs each of millions of inserted rows, and these were there only
-- for the deletes of re-runs, which the contract's own keys or a small index serve as well.

-- A shard deletes its recipients and suppressions through the (company_id, email) key and picks its
-- buckets from shard_bucket on the way: a bucket index is not needed.
DROP INDEX IF EXISTS recipients_shard_idx;
DROP INDEX IF EXISTS suppressions_shard_idx;

-- Activity rows of deleted recipients are found through their company (a deduplicated btree, cheap to
-- fill in company order) instead of an index on the random recipient uuid. It is read only when a
-- re-run deleted recipients.
DROP INDEX IF EXISTS recipient_activity_recipient_idx;
CREATE INDEX IF NOT EXISTS recipient_activity_company_idx ON recipient_activity (company_id);

-- One index for the rejects: a shard replaces its group's rejects of the company, bucket range
-- filtered on the way. Reports by run read the table whole.
DROP INDEX IF EXISTS migration_rejects_shard_idx;
DROP INDEX IF EXISTS migration_rejects_run_idx;
CREATE INDEX IF NOT EXISTS migration_rejects_company_group_idx ON migration_rejects (company_id, task_group);

-- The bucket function changed from md5 to hashtext (io.migration.common.shard.Buckets): rows written by
-- earlier versions get their bucket again, from their (already normalized) email, so that a shard of a
-- later run finds exactly its rows. Rejects keep theirs: they have no email, and each is replaced by
-- whichever shard of the next complete run covers its old bucket.
UPDATE recipients SET shard_bucket = hashtext(email) & 4095 WHERE shard_bucket <> hashtext(email) & 4095;
UPDATE suppressions SET shard_bucket = hashtext(email) & 4095 WHERE shard_bucket <> hashtext(email) & 4095;
