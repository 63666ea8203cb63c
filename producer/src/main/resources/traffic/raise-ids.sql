-- Moves app_ids above the greatest id of the ten legacy tables (each max is one index probe), so an
-- id it hands out is free in every table, also after a seed that came after the sequence. It only
-- ever moves forward: a generator starting while another one runs changes nothing.
SELECT setval('app_ids', top)
FROM (SELECT greatest(
        (SELECT coalesce(max(id), 0) FROM companies),
        (SELECT coalesce(max(id), 0) FROM lists),
        (SELECT coalesce(max(id), 0) FROM list_recipients),
        (SELECT coalesce(max(id), 0) FROM list_recipient_fields),
        (SELECT coalesce(max(id), 0) FROM recipient_tags),
        (SELECT coalesce(max(id), 0) FROM recipient_opens),
        (SELECT coalesce(max(id), 0) FROM recipient_clicks),
        (SELECT coalesce(max(id), 0) FROM recipient_bounces),
        (SELECT coalesce(max(id), 0) FROM recipient_unsubscribes),
        (SELECT coalesce(max(id), 0) FROM suppressions)) AS top) tables
WHERE top >= (SELECT last_value FROM app_ids)
