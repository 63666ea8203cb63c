-- The lists of a company that are not deleted.
SELECT id FROM lists WHERE company_id = :company AND deleted_at IS NULL ORDER BY id
