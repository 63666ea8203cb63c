-- Why a worker's circuit breaker opened, while it is not closed: the SQLSTATE that tripped it,
-- its class and their condition names (e.g. "target: SQLSTATE 53100 disk_full, class 53
-- insufficient_resources"), never the server's message text. NULL while every breaker is closed.
-- `producer status` shows it on the fleet line.
ALTER TABLE migration.workers ADD COLUMN breaker_cause text;
