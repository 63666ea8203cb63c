-- The bucket of each of a list of raw emails, for the start-up check and BucketsIT.
SELECT ${bucket} FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS e(email, n) ORDER BY n
