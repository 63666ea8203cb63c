-- A random sample of one company's list_recipients ids (one pass over the company's rows, at start).
SELECT id
FROM list_recipients
WHERE company_id = :company
ORDER BY random()
LIMIT :limit
