-- Keeps the rows of buckets [lo, hi]; left out when a shard covers every bucket. The range is a
-- constant, so the bucket is computed once per row (BETWEEN would compute it twice).
AND int4range(${lo}, ${hi}, '[]') @> (${bucket})
