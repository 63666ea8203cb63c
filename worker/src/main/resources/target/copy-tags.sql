COPY recipient_tags (recipient_id, company_id, tag) FROM STDIN
