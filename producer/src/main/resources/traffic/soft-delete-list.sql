UPDATE lists SET deleted_at = clock_timestamp() WHERE id = :id AND company_id = :company AND deleted_at IS NULL
