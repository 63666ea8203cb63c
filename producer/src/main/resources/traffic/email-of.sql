-- A list_recipients row's email (none when the row is gone or belongs to another company).
SELECT email FROM list_recipients WHERE id = :id AND company_id = :company
