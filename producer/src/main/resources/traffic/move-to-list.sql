-- Moves rows of the company to another of its lists.
UPDATE list_recipients SET list_id = :list, updated_at = clock_timestamp()
WHERE id = ANY(:ids) AND company_id = :company
