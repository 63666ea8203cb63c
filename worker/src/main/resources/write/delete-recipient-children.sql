-- Everything hanging off the recipients a shard just deleted. ${doomed} is a constant uuid array
-- (the server then hashes it for the activity filter); ${company} a number. The first three use
-- their primary key's leading recipient_id; activity has no recipient index (it would cost every
-- insert): the company's rows are scanned through recipient_activity_company_idx, on re-runs only.
DELETE FROM recipient_lists WHERE recipient_id = ANY (${doomed});
DELETE FROM recipient_attributes WHERE recipient_id = ANY (${doomed});
DELETE FROM recipient_tags WHERE recipient_id = ANY (${doomed});
DELETE FROM recipient_activity WHERE company_id = ${company} AND recipient_id = ANY (${doomed})
