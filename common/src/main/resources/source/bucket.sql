-- The one copy of the bucket function in SQL, composed into the statements that need it as ${bucket}:
-- the low 12 bits of hashtext() of the normalized email (MIGRATION.md's trim of six ASCII
-- white-space characters and A-Z-only lower, which lower() gives under the C collation), 0 for a
-- NULL email. io.migration.common.shard.Buckets computes the same in Java; the worker checks at
-- start-up that this server agrees (BucketFunctionCheck), and BucketsIT checks it on many strings.
coalesce(hashtext(lower(btrim(email, E' \t\n\x0B\f\r') COLLATE "C")), 0) & 4095
