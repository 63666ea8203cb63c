-- Every list the shard's rows refer to, of whatever company: R3 needs to tell a missing list from another company's.
SELECT id, company_id, name, created_at, deleted_at FROM lists WHERE id = ANY(?)
