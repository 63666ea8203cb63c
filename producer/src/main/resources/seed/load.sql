-- One binary COPY per legacy table. The column order here is the order in which
-- io.migration.producer.seed.LegacyTables writes each row's fields: keep them in step.
COPY companies (id, name, created_at) FROM STDIN (FORMAT binary);
COPY lists (id, company_id, name, created_at, deleted_at) FROM STDIN (FORMAT binary);
COPY list_recipients (id, company_id, list_id, email, first_name, last_name, phone, status, source, created_at, updated_at) FROM STDIN (FORMAT binary);
COPY list_recipient_fields (id, list_recipient_id, name, value) FROM STDIN (FORMAT binary);
COPY recipient_tags (id, list_recipient_id, tag) FROM STDIN (FORMAT binary);
COPY recipient_opens (id, list_recipient_id, campaign_id, opened_at, user_agent) FROM STDIN (FORMAT binary);
COPY recipient_clicks (id, list_recipient_id, campaign_id, url, clicked_at) FROM STDIN (FORMAT binary);
COPY recipient_bounces (id, list_recipient_id, campaign_id, kind, reason, bounced_at) FROM STDIN (FORMAT binary);
COPY recipient_unsubscribes (id, list_recipient_id, campaign_id, reason, unsubscribed_at) FROM STDIN (FORMAT binary);
COPY suppressions (id, company_id, email, reason, created_at) FROM STDIN (FORMAT binary);
