INSERT INTO suppressions (id, company_id, email, reason, created_at)
VALUES (:id, :company, :email, :reason, clock_timestamp())
