-- Fresh statistics, so the migration's first queries on the seeded source get good plans.
ANALYZE companies, lists, list_recipients, list_recipient_fields, recipient_tags,
    recipient_opens, recipient_clicks, recipient_bounces, recipient_unsubscribes, suppressions;
