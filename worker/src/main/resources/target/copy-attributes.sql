COPY recipient_attributes (recipient_id, company_id, name, value) FROM STDIN
