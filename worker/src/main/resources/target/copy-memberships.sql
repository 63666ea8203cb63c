COPY recipient_lists (recipient_id, list_id, company_id, status, source, joined_at, updated_at) FROM STDIN
