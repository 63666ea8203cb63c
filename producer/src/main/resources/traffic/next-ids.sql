-- :count new ids in one round trip.
SELECT nextval('app_ids') FROM generate_series(1, :count)
