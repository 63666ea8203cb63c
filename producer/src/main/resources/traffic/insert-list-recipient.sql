INSERT INTO list_recipients (id, company_id, list_id, email, first_name, last_name, phone, status, source,
                             created_at, updated_at)
VALUES (:id, :company, :list, :email, :first, :last, :phone, :status, :source, clock_timestamp(), clock_timestamp())
