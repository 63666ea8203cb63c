-- Settings of every seed connection: a seed is re-creatable, so losing the last commits in a
-- crash is fine; index builds after the load get memory enough to sort in one pass.
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
