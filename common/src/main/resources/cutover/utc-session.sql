-- Row hashes print timestamps as text: the same zone in every session (the worker's and the producer's).
SET LOCAL TimeZone = 'UTC'
