DELETE FROM lists WHERE company_id = ?
