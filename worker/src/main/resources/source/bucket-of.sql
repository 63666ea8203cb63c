-- The bucket function alone, for the test that checks it against the Java one.
SELECT coalesce(('x' || left(md5(lower(btrim(email, E' \t\n\x0B\f\r') COLLATE "C")), 3))::bit(12)::int, 0) FROM (SELECT CAST(? AS text) AS email) e
