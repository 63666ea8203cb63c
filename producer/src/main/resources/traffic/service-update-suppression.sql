UPDATE suppressions SET reason = :reason
WHERE company_id = :company
  AND email = (SELECT email FROM suppressions WHERE company_id = :company AND email >= :probe ORDER BY email LIMIT 1)
