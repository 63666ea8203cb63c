DELETE FROM recipient_lists
WHERE recipient_id = :recipient AND company_id = :company
  AND list_id = (SELECT min(list_id) FROM recipient_lists WHERE recipient_id = :recipient)
