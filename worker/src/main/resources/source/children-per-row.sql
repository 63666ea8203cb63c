-- Children per list_recipients row of each child table, from the planner's statistics (0 when never
-- analyzed): how dense a shard's parent ids must be for one range scan of a table to beat probes.
SELECT c.relname, greatest(c.reltuples, 0) / nullif(greatest(p.reltuples, 0), 0)
FROM pg_class c, pg_class p
WHERE p.oid = to_regclass('list_recipients')
  AND c.oid IN (to_regclass('list_recipient_fields'), to_regclass('recipient_tags'), to_regclass('recipient_opens'),
                to_regclass('recipient_clicks'), to_regclass('recipient_bounces'), to_regclass('recipient_unsubscribes'))
