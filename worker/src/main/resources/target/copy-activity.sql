COPY recipient_activity (id, recipient_id, company_id, list_id, kind, campaign_id, occurred_at, detail) FROM STDIN
