-- As the monolith does: the row goes, its fields, tags and events stay behind (orphans, R10).
DELETE FROM list_recipients WHERE id = :id AND company_id = :company
