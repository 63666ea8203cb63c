-- The bucket function alone, for the test that checks it against the Java one.
SELECT coalesce(('x' || substr(md5(translate(btrim(email, E' \t\n\x0B\f\r'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')), 1, 3))::bit(12)::int, 0) FROM (SELECT CAST(? AS text) AS email) e
