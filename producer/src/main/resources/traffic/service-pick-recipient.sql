-- A recipient of the company: the first at or after a random id (an index walk over a few companies' rows).
SELECT id FROM recipients WHERE company_id = :company AND id >= :probe ORDER BY id LIMIT 1
