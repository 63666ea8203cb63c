-- seed --force (or an empty leftover schema): remove the ten legacy tables so they can be
-- recreated exactly as legacy-schema.sql has them. Other tables of the database are left alone.
DROP TABLE IF EXISTS companies, lists, list_recipients, list_recipient_fields, recipient_tags,
    recipient_opens, recipient_clicks, recipient_bounces, recipient_unsubscribes, suppressions;
