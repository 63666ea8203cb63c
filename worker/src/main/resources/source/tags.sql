-- Children of a shard's list_recipients rows; ${parents} is "BETWEEN lo AND hi" over the shard's
-- parent ids when they are dense (rows of other shards are then dropped by the reader) or
-- "= ANY('{...}')" when they are sparse.
SELECT id, list_recipient_id, tag FROM recipient_tags WHERE list_recipient_id ${parents}
